import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter } from '../../src/index.js';
import { fromHex } from '../fixtures/hex-float.js';

/** A case of `fixtures/torch-edges/torch-edges.json` (floats as Python's float.hex; see the script beside it). */
interface EdgeCase {
  dtype: 'float32' | 'float64';
  lr: string;
  etas: [string, string];
  stepSizes: [string, string];
  maximize: boolean;
  inits: string[][];
  loaded: Array<{ prev: string[]; stepSize: string[] }> | null;
  steps: Array<{ grads: Array<string[] | null>; params: string[][] }>;
  final: Array<{ prev: string[]; stepSize: string[] } | null>;
}

const file = new URL('../fixtures/torch-edges/torch-edges.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: EdgeCase[] };
const hex = (a: string[]) => a.map(fromHex);

type Path = 'reference' | 'kernels' | 'chunked' | 'zero-copy';
const PATHS: Path[] = ['reference', 'kernels', 'chunked', 'zero-copy'];

afterEach(() => useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 }));

/** Object.is, with any NaN equal to any NaN (a NaN weight stays NaN; its bits are not part of the contract). */
function sameValues(got: ArrayLike<number>, want: number[], what: string): void {
  for (let i = 0; i < want.length; i++) {
    const ok = Object.is(got[i], want[i]) || (Number.isNaN(got[i]) && Number.isNaN(want[i]));
    if (!ok) expect.fail(`${what}[${i}]: ${got[i]} ≠ PyTorch's ${want[i]}`);
  }
}

describe.each(PATHS)('torch.optim.Rprop on edge values, replayed on the %s path', (path) => {
  it.each(cases.map((c, k) => [k, c] as const))('case %i', (_, c) => {
    useKernels(path !== 'reference', { minLength: 0, stagingBytes: path === 'chunked' ? 0 : 256 * 2 ** 20 });
    const Ctor = c.dtype === 'float32' ? Float32Array : Float64Array;
    const params: Parameter[] = c.inits.map((v) => {
      if (path !== 'zero-copy') return { data: Ctor.from(hex(v)), grad: null };
      const p = Rprop.allocate(v.length, c.dtype);
      p.data.set(hex(v));
      return p;
    });
    const opt = new Rprop(params, { lr: fromHex(c.lr), etas: [fromHex(c.etas[0]), fromHex(c.etas[1])], stepSizes: [fromHex(c.stepSizes[0]), fromHex(c.stepSizes[1])], maximize: c.maximize });
    if (c.loaded !== null) {
      const sd = opt.stateDict();
      c.loaded.forEach((s, i) => (sd.state[String(i)] = { prev: hex(s.prev), stepSize: hex(s.stepSize) }));
      opt.loadStateDict(sd);
    }
    c.steps.forEach((step, t) => {
      step.grads.forEach((g, i) => {
        const p = params[i]!;
        if (g === null) p.grad = null;
        else if ('gradBuffer' in p) (p.grad = p.gradBuffer as Float32Array).set(hex(g));
        else p.grad = Ctor.from(hex(g));
      });
      opt.step();
      step.params.forEach((want, i) => sameValues(params[i]!.data, hex(want), `step ${t}, parameter ${i}`));
    });
    const state = opt.stateDict().state;
    c.final.forEach((want, i) => {
      if (want === null) return expect(state[String(i)]).toBeUndefined();
      sameValues(state[String(i)]!.prev as number[], hex(want.prev), `parameter ${i}'s prev`);
      sameValues(state[String(i)]!.stepSize as number[], hex(want.stepSize), `parameter ${i}'s stepSize`);
    });
  });
});

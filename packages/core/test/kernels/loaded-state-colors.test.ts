import { describe, expect, it } from 'vitest';
import { Lion, Rprop, Signum, type Parameter } from '../../src/index.js';
import { closestPair, recordKernelCalls } from './kernel-call-recorder.js';

// State made by loadStateDict is placed before any step has staged the gradients, so it could not
// keep its colours apart from their copies, and a resumed run streamed the staged gradient at the
// colour of its state (0 bytes apart, measured) at every step after — the layout cache-colors.ts
// says is up to 6× slower. It is placed again, apart from them, at its first step with a gradient.
const calls = recordKernelCalls();

/** Power-of-two sizes: 64-byte aligned arrays of these lay at one colour whenever nothing kept them apart. */
const SIZES = [4096, 4096, 1 << 16, 1024, 4096]; // 1 << 16: more than a scratch slot (128 KiB)

function params(seed: number): Parameter[] {
  return SIZES.map((n, t) => ({
    data: new Float32Array(n).map((_, i) => Math.sin(i + t + seed)),
    grad: new Float32Array(n).map((_, i) => Math.cos(3 * i + t + seed)),
  }));
}

/** Bit for bit equal (a mismatch names the first differing index). */
function expectSameBits(a: Float32Array, b: Float32Array): void {
  const i = a.findIndex((x, j) => !Object.is(x, b[j]));
  expect(i, `first differing index`).toBe(-1);
}

type Make = (p: Parameter[]) => Rprop | Signum | Lion;
const OPTIMIZERS: Array<[string, Make]> = [
  ['Rprop rprop+', (p) => new Rprop(p, { variant: 'rprop+' })],
  ['Rprop irprop-', (p) => new Rprop(p, { variant: 'irprop-' })],
  ['Signum', (p) => new Signum(p)],
  ['Lion', (p) => new Lion(p)],
];

describe('state made by loadStateDict keeps its colours apart from the staged gradients', () => {
  for (const [name, make] of OPTIMIZERS) {
    it(`${name}: ≥ 512 bytes apart after the load, and the same steps as the run it was saved from`, () => {
      const saved = params(1);
      const original = make(saved);
      original.step(() => 1);
      const resumed = params(1);
      resumed.forEach((p, t) => p.data.set(saved[t]!.data));
      const opt = make(resumed);
      // `never`: the union's loadStateDict takes only a dict of all three kinds at once; each is its own here.
      opt.loadStateDict(original.stateDict() as never);
      const from = calls.length;
      for (const [s, o] of [[2, 0.5], [3, 0.7]] as const) {
        for (const p of [...saved, ...resumed]) p.grad!.forEach((_, i, g) => (g[i] = Math.cos(s * i + 1)));
        original.step(() => o);
        opt.step(() => o);
      }
      expect(closestPair(calls.slice(from))).toBeGreaterThanOrEqual(512);
      resumed.forEach((p, t) => expectSameBits(p.data as Float32Array, saved[t]!.data as Float32Array));
      expect(JSON.stringify(opt.stateDict())).toBe(JSON.stringify(original.stateDict()));
    });
  }

  it('a parameter without a gradient at the first step after the load is placed at its first step with one', () => {
    const saved = params(2);
    const original = new Rprop(saved, { variant: 'rprop+' });
    original.step(() => 1);
    const resumed = params(2);
    resumed.forEach((p, t) => p.data.set(saved[t]!.data));
    const opt = new Rprop(resumed, { variant: 'rprop+' });
    opt.loadStateDict(original.stateDict());
    const grads = resumed.map((p) => p.grad);
    resumed[1]!.grad = saved[1]!.grad = null;
    original.step(() => 1);
    opt.step(() => 1);
    resumed[1]!.grad = grads[1]!;
    saved[1]!.grad = Float32Array.from(grads[1]!);
    const from = calls.length;
    original.step(() => 0.5);
    opt.step(() => 0.5);
    expect(closestPair(calls.slice(from))).toBeGreaterThanOrEqual(512);
    resumed.forEach((p, t) => expectSameBits(p.data as Float32Array, saved[t]!.data as Float32Array));
  });
});

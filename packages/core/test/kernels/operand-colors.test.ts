import { describe, expect, it } from 'vitest';
import { Lion, Rprop, SignSGD, Signum, type Parameter } from '../../src/index.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { closestPair as closestOf, recordKernelCalls } from './kernel-call-recorder.js';

// Every update kernel call's array offsets, recorded by kernels wrapped before the kernels' memory
// is first used (this file's module state is its own).
const calls = recordKernelCalls();

/** The smallest colour distance between two arrays of one call, over the calls since `from`. */
const closestPair = (from: number): number => closestOf(calls.slice(from));

/** Tensors of power-of-two sizes: with every array 64-byte aligned and slabs on large boundaries, equal colours were the rule. */
const SIZES = [4096, 4096, 1 << 16, 1024, 1 << 18, 4096];

function ordinary(Ctor: Float32ArrayConstructor | Float64ArrayConstructor, seed: number): Parameter[] {
  return SIZES.map((n, t) => {
    const data = new Ctor(n).map((_, i) => Math.sin(i + t + seed));
    const grad = new Ctor(n).map((_, i) => Math.cos(3 * i + t + seed));
    return { data, grad };
  });
}

function resident(dtype: 'float32' | 'float64', seed: number): Parameter[] {
  return SIZES.map((n, t) => {
    const p = Rprop.allocate(n, dtype);
    p.data.set(p.data.map((_, i) => Math.sin(i + t + seed)));
    p.gradBuffer.set(p.gradBuffer.map((_, i) => Math.cos(3 * i + t + seed)));
    return p;
  });
}

describe('every kernel call streams arrays at colours ≥ 512 bytes apart (cache-colors)', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
    for (const variant of ['irprop-', 'rprop+'] as const) {
      it(`Rprop ${variant}, ${dtype}, on ordinary arrays and on allocated parameters`, () => {
        for (const params of [ordinary(Ctor, 1), resident(dtype, 2)]) {
          const opt = new Rprop(params, { variant });
          const from = calls.length;
          for (let s = 0; s < 3; s++) opt.step(() => 1 - s);
          expect(calls.length - from).toBeGreaterThanOrEqual(3 * SIZES.length);
          expect(closestPair(from)).toBeGreaterThanOrEqual(512);
        }
      });
    }

    it(`Signum, Lion and signSGD, ${dtype}`, () => {
      for (const make of [(p: Parameter[]) => new Signum(p), (p: Parameter[]) => new Lion(p), (p: Parameter[]) => new SignSGD(p)]) {
        for (const params of [ordinary(Ctor, 3), resident(dtype, 4)]) {
          const opt = make(params);
          const from = calls.length;
          for (let s = 0; s < 2; s++) opt.step();
          expect(calls.length - from).toBeGreaterThanOrEqual(2 * SIZES.length);
          expect(closestPair(from)).toBeGreaterThanOrEqual(512);
        }
      }
    });

    it(`rpropKernelStep on five ordinary arrays, ${dtype}`, () => {
      const n = 1 << 16;
      const b = { param: new Ctor(n).fill(1), grad: new Ctor(n).fill(-1), prev: new Ctor(n), stepSize: new Ctor(n).fill(0.1), prevUpdate: new Ctor(n) };
      const from = calls.length;
      expect(rpropKernelStep('rprop+', b, rpropConstantsFor(b.param, [0.5, 1.2], [1e-6, 50], false), false)).toBe(true);
      expect(calls.length - from).toBe(Math.ceil((n * Ctor.BYTES_PER_ELEMENT) / (128 * 1024)));
      expect(closestPair(from)).toBeGreaterThanOrEqual(512);
      expect(b.param[0]).toBe(Ctor === Float32Array ? Math.fround(1.1) : 1.1); // and it stepped
    });
  }
});

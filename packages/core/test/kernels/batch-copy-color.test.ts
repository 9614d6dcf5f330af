import { expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';
import { colorOf, freestColor } from '../../src/kernels/cache-colors.js';
import { recordKernelCalls } from './kernel-call-recorder.js';

// Every update kernel call's array offsets (this file's module state is its own).
const calls = recordKernelCalls();

// A batched tensor's w, an ordinary array, is copied into the scratch region at the colour farthest
// from its gradient and state (TensorBatch.run). The − variants have no dw: its offset is passed as
// 0, which stands for no array and must not count as one.
it('an Rprop− step copies each small ordinary w to the colour farthest from its three operands', () => {
  const params: Parameter[] = [100, 300, 1000, 2000].map((n, t) => ({
    data: new Float32Array(n).map((_, i) => Math.sin(i + t)),
    grad: new Float32Array(n).map((_, i) => Math.cos(3 * i + t)),
  }));
  const opt = new Rprop(params, { variant: 'irprop-' });
  opt.step();
  const from = calls.length;
  opt.step();
  const mine = calls.slice(from);
  expect(mine).toHaveLength(params.length);
  for (const [w, g, prev, stepSize] of mine) expect(colorOf(w!)).toBe(freestColor([g!, prev!, stepSize!]));
});

import { expect, it } from 'vitest';
import { fastRpropStep } from '../../src/kernels.js';
import { adaptedStepSize, rpropConstantsFor, rpropMinus } from '../../src/rules.js';

// Every path counts on Δ ≥ +0 (the kernels' "no move" is w − (+0)); a bound of −0 would let Δ become −0,
// so rpropConstantsFor takes a Δmin or Δmax of −0 as +0.
it.each([Float32Array, Float64Array])('rpropConstantsFor takes step-size bounds of −0 as +0 (%s)', (Ctor) => {
  const c = rpropConstantsFor(new Ctor(1), [0.5, 1.2], [-0, -0], false);
  expect(Object.is(c.stepMin, 0)).toBe(true);
  expect(Object.is(c.stepMax, 0)).toBe(true);
});

it('a negative Δ (the exported rules accept any buffer) is clamped to +0, not −0, under a Δmin of −0', () => {
  const c = rpropConstantsFor(new Float64Array(1), [0.5, 1.2], [-0, 1], false);
  expect(Object.is(adaptedStepSize(-1, 0, c), 0)).toBe(true);
});

// With a Δmax of −0 taken as −0, the reference's w − sign(0)·Δ = −0 − 0·(−0) turns a weight of −0 into
// +0 where the kernel leaves it −0: with +0 both leave it −0.
it.each([4, 9])('a Δmax of −0 leaves a weight of −0 with a zero gradient at −0, on the kernel and on the reference (%i weights)', (n) => {
  const c = rpropConstantsFor(new Float64Array(n), [0.5, 1.2], [0, -0], false);
  const buffers = () => ({ param: new Float64Array(n).fill(-0), grad: new Float64Array(n), prev: new Float64Array(n), stepSize: new Float64Array(n).fill(0.1) });
  const onKernel = buffers();
  fastRpropStep('rprop-', onKernel, c, false);
  const onRule = buffers();
  rpropMinus(onRule, c);
  for (const b of [onKernel, onRule]) {
    for (let i = 0; i < n; i++) expect(Object.is(b.param[i], -0), `index ${i}`).toBe(true);
  }
});

// Constants built by hand (as `rprop/kernels` users may) are not normalized: a Δmax of −0 reaches
// the float32 kernel, whose clamp must be the reference's `d > hi ? hi : d` (+0 > −0 is false, so a
// Δ of +0 stays +0), not IEEE min, which orders −0 below +0 and would store Δ = −0.
it.each([100, 103])('hand-built constants with a Δmax of −0 leave a Δ of +0 at +0, on the float32 kernel as on the reference (%i weights: above minLength (64), so on the kernel, an odd tail too)', (n) => {
  const c = { etaMinus: 0.5, etaPlus: 1.2, stepMin: 0, stepMax: -0, maximize: false };
  const buffers = () => ({ param: new Float32Array(n).fill(-0), grad: new Float32Array(n).fill(1), prev: new Float32Array(n).fill(1), stepSize: new Float32Array(n) });
  const onKernel = buffers();
  fastRpropStep('rprop-', onKernel, c, false);
  const onRule = buffers();
  rpropMinus(onRule, c);
  for (const b of [onKernel, onRule]) {
    for (let i = 0; i < n; i++) {
      expect(Object.is(b.stepSize[i], 0), `Δ at index ${i}`).toBe(true);
      expect(Object.is(b.param[i], -0), `w at index ${i}`).toBe(true);
    }
  }
});

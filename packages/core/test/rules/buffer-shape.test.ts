import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { adam, irpropMinus, irpropPlus, lion, rpropConstantsFor, rpropMinus, rpropPlus, sgd, signSgd, signum } from '../../src/rules.js';
import type { FloatArray } from '../../src/types.js';

const n = 100;
const c = rpropConstantsFor(new Float32Array(0), [0.5, 1.2], [1e-6, 50], false);
const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: false };
const f32 = (length = n, value = 0) => new Float32Array(length).fill(value);

// Every buffer is indexed by the parameter's length and taken to be of its type. A short gradient made
// NaN in the rules and, in the kernels, was read past its end from what an earlier call had left in
// their scratch memory; a Float64Array gradient was rounded to float32 by the kernels only.
it('the rules and kernels refuse a buffer of another length or type than param, changing nothing', () => {
  // What a short gradient would be read from: an earlier, unrelated call's gradient of −5.
  fastRpropStep('irprop-', { param: f32(), grad: f32(n, -5), prev: f32(), stepSize: f32(n, 0.01) }, c, false);
  const param = f32(n, 1);
  const prev = f32();
  const stepSize = f32(n, 0.01);
  const momentum = f32();
  const short = f32(10, 1);
  const wide = new Float64Array(n).fill(1e-50);
  const calls: Array<[string, (grad: FloatArray) => unknown]> = [
    ['irpropMinus', (grad) => irpropMinus({ param, grad, prev, stepSize }, c)],
    ['rpropMinus', (grad) => rpropMinus({ param, grad, prev, stepSize }, c)],
    ['rpropPlus', (grad) => rpropPlus({ param, grad, prev, stepSize, prevUpdate: f32() }, c)],
    ['irpropPlus', (grad) => irpropPlus({ param, grad, prev, stepSize, prevUpdate: f32() }, c, true)],
    ['fastRpropStep', (grad) => fastRpropStep('irprop-', { param, grad, prev, stepSize }, c, false)],
    ['rpropKernelStep', (grad) => rpropKernelStep('irprop-', { param, grad, prev, stepSize }, c, false)],
    ['signSgd', (grad) => signSgd(param, grad, 0.01, false)],
    ['signSgdKernel', (grad) => signSgdKernel(param, grad, 0.01, false)],
    ['signum', (grad) => signum(param, grad, momentum, 0.01, 0.9, 0.1, false)],
    ['signumKernel', (grad) => signumKernel(param, grad, momentum, 0.01, 0.9, 0.1, false)],
    ['lion', (grad) => lion(param, grad, momentum, lionConstants)],
    ['lionKernel', (grad) => lionKernel(param, grad, momentum, lionConstants)],
    ['sgd', (grad) => sgd(param, grad, null, 0.01, 0, true, false)],
    ['adam', (grad) => adam(param, grad, f32(), f32(), { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false })],
  ];
  for (const [owner, call] of calls) {
    expect(() => call(short)).toThrow(new RangeError(`${owner}: grad has length 10, but param has length 100`));
    expect(() => call(wide)).toThrow(new TypeError(`${owner}: grad must be a Float32Array like param, got Float64Array(100)`));
  }
  expect(() => fastRpropStep('irprop+', { param, grad: f32(), prev, stepSize, prevUpdate: f32(40_000) }, c, false)).toThrow(
    new RangeError('fastRpropStep: prevUpdate has length 40000, but param has length 100'),
  );
  expect(() => lion(param, f32(), f32(3), lionConstants)).toThrow(new RangeError('lion: momentum has length 3, but param has length 100'));
  expect([param, prev, stepSize, momentum]).toEqual([f32(n, 1), f32(), f32(n, 0.01), f32()]);
});

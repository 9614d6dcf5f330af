import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { adam, irpropMinus, irpropPlus, lion, rpropConstantsFor, rpropMinus, rpropPlus, rpropStep, sgd, signSgd, signum } from '../../src/rules.js';

const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false);
const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: false };
const adamConstants = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false };

// The buffer checks compared each buffer with param, never param itself: an Int32Array param with
// Int32Array buffers ran the loop (or the kernel) on them without a word, writing truncated garbage,
// and a null param failed with "Cannot read properties of null (reading 'constructor')".
it.each<[string, unknown]>([
  ['an Int32Array', Int32Array.of(3, -2, 5, 1)],
  ['a plain array', [3, -2, 5, 1]],
  ['null', null],
])('every rule and kernel refuses a param that is %s by name, writing nothing', (_what, given) => {
  const like = () => (given === null ? null : Array.isArray(given) ? [...given] : Int32Array.from(given as Int32Array)) as unknown as Float64Array;
  const param = like();
  const b = () => ({ param, grad: like(), prev: like(), stepSize: like(), prevUpdate: like() });
  const calls: Array<[string, () => unknown]> = [
    ['irpropMinus', () => irpropMinus(b(), c)],
    ['rpropMinus', () => rpropMinus(b(), c)],
    ['rpropPlus', () => rpropPlus(b(), c)],
    ['irpropPlus', () => irpropPlus(b(), c, true)],
    ['irpropMinus', () => rpropStep('irprop-', b(), c, false)],
    ['fastRpropStep', () => fastRpropStep('irprop-', b(), c, false)],
    ['rpropKernelStep', () => rpropKernelStep('rprop+', b(), c, false)],
    ['signSgd', () => signSgd(param, like(), 0.01, false)],
    ['signSgdKernel', () => signSgdKernel(param, like(), 0.01, false)],
    ['signum', () => signum(param, like(), like(), 0.01, 0.9, 0.1, false)],
    ['signumKernel', () => signumKernel(param, like(), like(), 0.01, 0.9, 0.1, false)],
    ['lion', () => lion(param, like(), like(), lionConstants)],
    ['lionKernel', () => lionKernel(param, like(), like(), lionConstants)],
    ['sgd', () => sgd(param, like(), like(), 0.01, 0.9, true, false)],
    ['adam', () => adam(param, like(), like(), like(), adamConstants)],
  ];
  for (const [owner, call] of calls) {
    expect(call, owner).toThrow(new TypeError(`${owner}: param must be a Float32Array or Float64Array, got ${given === null ? 'null' : Array.isArray(given) ? '[3, -2, 5, 1]' : 'Int32Array(4)'}`));
  }
  expect(param).toEqual(like());
});

it('an Rprop rule given no buffers object names it', () => {
  expect(() => irpropMinus(null as never, c)).toThrow(new TypeError('irpropMinus: the buffers must be { param, grad, prev, stepSize, prevUpdate? }, got null'));
  expect(() => fastRpropStep('irprop-', undefined as never, c, false)).toThrow(new TypeError('fastRpropStep: the buffers must be { param, grad, prev, stepSize, prevUpdate? }, got undefined'));
});

import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { kernelsActive } from '../../src/index.js';
import { adam, irpropMinus, lion, rpropConstantsFor, sgd, signSgd, signum } from '../../src/rules.js';

// The buffer checks let any number pass as "a byte offset in the kernels' memory", which only the
// kernels take: the reference rules read it as an array of undefined and wrote NaN into the weights
// and state without a word, and the kernels given an offset outside their memory trapped with
// WebAssembly's "memory access out of bounds".

const n = 70;
const halves = () => new Float64Array(n).fill(0.5);
const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [0, 50], false);
const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: false };

it('the reference rules (and the Rprop kernels, which take arrays) refuse a number for a buffer, writing nothing', () => {
  const param = halves();
  const state = [halves(), halves(), halves()] as const;
  const offset = 4096 as unknown as Float64Array;
  const calls: Array<[string, string, () => unknown]> = [
    ['irpropMinus', 'grad', () => irpropMinus({ param, grad: offset, prev: state[0], stepSize: state[1] }, c)],
    ['fastRpropStep', 'prev', () => fastRpropStep('rprop-', { param, grad: state[2], prev: offset, stepSize: state[1] }, c, false)],
    ['rpropKernelStep', 'grad', () => rpropKernelStep('irprop-', { param, grad: offset, prev: state[0], stepSize: state[1] }, c, false)],
    ['signSgd', 'grad', () => signSgd(param, offset, 0.1, false)],
    ['signum', 'grad', () => signum(param, offset, state[0], 0.1, 0.9, 0.1, false)],
    ['lion', 'grad', () => lion(param, offset, state[0], lionConstants)],
    ['sgd', 'momentumBuffer', () => sgd(param, state[2], offset, 0.1, 0.9, false, false)],
    ['adam', 'm', () => adam(param, state[2], offset, state[1], { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false })],
  ];
  for (const [owner, name, call] of calls) expect(call, owner).toThrow(new TypeError(`${owner}: ${name} must be a Float64Array like param, got 4096`));
  expect([param, ...state]).toEqual([halves(), halves(), halves(), halves()]);
});

it.runIf(kernelsActive())('the relatives\' kernels refuse a gradient offset outside the kernels\' memory or misaligned, writing nothing', () => {
  const param = halves();
  const momentum = halves();
  for (const bad of [-8, 3, 2 ** 40, 0.5]) {
    const message = `must be a whole multiple of 8 ≥ 0 with ${n} values after it inside the kernels' memory, got ${bad}`;
    expect(() => signSgdKernel(param, bad, 0.1, false)).toThrow(new RangeError(`signSgdKernel: grad given as a byte offset ${message}`));
    expect(() => signumKernel(param, bad, momentum, 0.1, 0.9, 0.1, false)).toThrow(new RangeError(`signumKernel: grad given as a byte offset ${message}`));
    expect(() => lionKernel(param, bad, momentum, lionConstants)).toThrow(new RangeError(`lionKernel: grad given as a byte offset ${message}`));
  }
  expect([param, momentum]).toEqual([halves(), halves()]);
});

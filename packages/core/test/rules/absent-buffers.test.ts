import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { adam, irpropMinus, lion, rpropConstantsFor, rpropMinus, sgd, signSgd, signum } from '../../src/rules.js';

const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false);
const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: false };
const adamConstants = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false };

// The buffer checks let an absent buffer (null, undefined) pass, meaning to allow the optional ones (a
// − variant's dw, SGD's momentum buffer without momentum). A required one absent then failed where the
// loop first read it, with "Cannot read properties of null" — and Adam had already written m when its v
// was missing. Every rule and kernel now refuses it by name, before anything is written.
it.each([4, 100])('a required buffer given as null or undefined is refused by name, changing nothing (%i weights)', (n) => {
  const ones = () => new Float64Array(n).fill(1);
  for (const absent of [null, undefined]) {
    const param = ones();
    const m = ones();
    const state = [ones(), ones()];
    const x = absent as unknown as Float64Array;
    const calls: Array<[string, string, () => unknown]> = [
      ['irpropMinus', 'prev', () => irpropMinus({ param, grad: ones(), prev: x, stepSize: state[0]! }, c)],
      ['rpropMinus', 'stepSize', () => rpropMinus({ param, grad: ones(), prev: state[0]!, stepSize: x }, c)],
      ['fastRpropStep', 'grad', () => fastRpropStep('irprop-', { param, grad: x, prev: state[0]!, stepSize: state[1]! }, c, false)],
      ['rpropKernelStep', 'stepSize', () => rpropKernelStep('rprop-', { param, grad: ones(), prev: state[0]!, stepSize: x }, c, false)],
      ['signSgd', 'grad', () => signSgd(param, x, 0.01, false)],
      ['signSgdKernel', 'grad', () => signSgdKernel(param, x, 0.01, false)],
      ['signum', 'momentum', () => signum(param, ones(), x, 0.01, 0.9, 0.1, false)],
      ['signumKernel', 'momentum', () => signumKernel(param, ones(), x, 0.01, 0.9, 0.1, false)],
      ['lion', 'momentum', () => lion(param, ones(), x, lionConstants)],
      ['lionKernel', 'momentum', () => lionKernel(param, ones(), x, lionConstants)],
      ['sgd', 'grad', () => sgd(param, x, null, 0.01, 0, true, false)],
      ['adam', 'v', () => adam(param, ones(), m, x, adamConstants)],
    ];
    for (const [owner, buffer, call] of calls) {
      expect(call, owner).toThrow(new TypeError(`${owner}: ${buffer} must be a Float64Array like param, got ${String(absent)}`));
    }
    expect([param, m, ...state]).toEqual([ones(), ones(), ones(), ones()]);
  }
});

it("the optional buffers may still be absent: a − variant's dw, SGD's momentum buffer without momentum", () => {
  const param = new Float64Array(4).fill(1);
  irpropMinus({ param, grad: new Float64Array(4).fill(1), prev: new Float64Array(4), stepSize: new Float64Array(4).fill(0.5), prevUpdate: null as never }, c);
  sgd(param, new Float64Array(4).fill(1), null, 0.25, 0, true, false);
  expect([...param]).toEqual([0.25, 0.25, 0.25, 0.25]);
});

it("sgd refuses a momentum without its buffer, rather than dropping the momentum (it ran plain SGD)", () => {
  const param = new Float64Array(4).fill(1);
  expect(() => sgd(param, new Float64Array(4).fill(1), null, 0.25, 0.9, false, false)).toThrow(
    new TypeError('sgd: momentumBuffer must be a Float64Array like param when momentum is 0.9 (null only for momentum 0), got null'),
  );
  expect([...param]).toEqual([1, 1, 1, 1]);
  sgd(param, new Float64Array(4).fill(1), undefined as never, 0.25, 0, true, false); // undefined is no buffer too
  expect([...param]).toEqual([0.75, 0.75, 0.75, 0.75]);
});

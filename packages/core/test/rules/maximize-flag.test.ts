import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signumKernel } from '../../src/kernels.js';
import { lion, rpropConstantsFor, rpropStep, signum } from '../../src/rules.js';

// The rules read maximize by JS truthiness and the kernels as a WebAssembly i32, where the string
// "true" is 0: the same call maximized on arrays shorter than 64 (the rules) and minimized on longer
// ones (the kernels). Now a flag that is not a boolean is refused, before anything is written.
it('the rules and kernels refuse a maximize that is not true or false, changing nothing', () => {
  const bad = 'true' as unknown as boolean;
  expect(() => rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], bad)).toThrow(
    new TypeError('rpropConstantsFor: maximize must be true or false, got "true"'),
  );
  const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: bad };
  for (const n of [10, 100]) {
    const param = new Float64Array(n).fill(1);
    const grad = new Float64Array(n).fill(2);
    const momentum = new Float64Array(n);
    const calls: Array<[string, () => unknown]> = [
      ['signum', () => signum(param, grad, momentum, 0.1, 0.9, 0.1, bad)],
      ['signumKernel', () => signumKernel(param, grad, momentum, 0.1, 0.9, 0.1, bad)],
      ['lion', () => lion(param, grad, momentum, lionConstants)],
      ['lionKernel', () => lionKernel(param, grad, momentum, lionConstants)],
    ];
    for (const [owner, call] of calls) {
      expect(call).toThrow(new TypeError(`${owner}: maximize must be true or false, got "true"`));
      expect([param[0], momentum[0]]).toStrictEqual([1, 0]);
    }
  }
  // Constants built by hand rather than by rpropConstantsFor: the Rprop rule and kernels refuse them too.
  const handBuilt = { ...rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false), maximize: bad };
  for (const n of [10, 100]) {
    const b = { param: new Float64Array(n).fill(1), grad: new Float64Array(n).fill(2), prev: new Float64Array(n), stepSize: new Float64Array(n).fill(0.1) };
    const calls: Array<[string, () => unknown]> = [
      ['rpropStep', () => rpropStep('irprop-', b, handBuilt, false)],
      ['rpropKernelStep', () => rpropKernelStep('irprop-', b, handBuilt, false)],
      ['fastRpropStep', () => fastRpropStep('irprop-', b, handBuilt, false)],
    ];
    for (const [owner, call] of calls) {
      expect(call).toThrow(new TypeError(`${owner}: maximize must be true or false, got "true"`));
      expect([b.param[0], b.stepSize[0]]).toStrictEqual([1, 0.1]);
    }
  }
  // Made by rpropConstantsFor with a real flag, the kernels and the rule agree (here: maximizing).
  for (const n of [10, 100]) {
    const b = { param: new Float64Array(n).fill(1), grad: new Float64Array(n).fill(2), prev: new Float64Array(n), stepSize: new Float64Array(n).fill(0.1) };
    fastRpropStep('irprop-', b, rpropConstantsFor(b.param, [0.5, 1.2], [1e-6, 50], true), false);
    expect(b.param[0]).toBe(1.1);
  }
});

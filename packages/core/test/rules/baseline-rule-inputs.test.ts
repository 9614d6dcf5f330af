import { expect, it } from 'vitest';
import { signSgdKernel } from '../../src/kernels.js';
import { adam, sgd, signSgd } from '../../src/rules.js';

const adamConstants = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false };

// The rules the other optimizers' rules were already made to refuse this for (maximize-flag.test.ts)
// read maximize by truthiness, so the string "false" maximized; and Adam's rule took a step of 0 (its
// bias correction 1 − β⁰ = 0) or a fractional one, writing NaN into every weight without a word.
it.each([10, 100])('signSgd, signSgdKernel, sgd and adam refuse a maximize that is not true or false, changing nothing (%i weights)', (n) => {
  const bad = 'false' as unknown as boolean;
  const param = new Float64Array(n).fill(1);
  const grad = new Float64Array(n).fill(2);
  const m = new Float64Array(n);
  const calls: Array<[string, () => unknown]> = [
    ['signSgd', () => signSgd(param, grad, 0.1, bad)],
    ['signSgdKernel', () => signSgdKernel(param, grad, 0.1, bad)],
    ['sgd', () => sgd(param, grad, null, 0.1, 0, true, bad)],
    ['adam', () => adam(param, grad, m, new Float64Array(n), { ...adamConstants, maximize: bad })],
  ];
  for (const [owner, call] of calls) {
    expect(call).toThrow(new TypeError(`${owner}: maximize must be true or false, got "false"`));
    expect([param[0], m[0]]).toStrictEqual([1, 0]);
  }
});

it.each([0, 1.5, NaN])('adam refuses a step of %s rather than write NaN weights', (step) => {
  const param = new Float64Array(4).fill(1);
  const m = new Float64Array(4);
  expect(() => adam(param, new Float64Array(4).fill(1), m, new Float64Array(4), { ...adamConstants, step })).toThrow(
    new RangeError(`adam: step must be a whole number ≥ 1 (t, counting from 1), got ${step}`),
  );
  expect([...param, ...m]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
});

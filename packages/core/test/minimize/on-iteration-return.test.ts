import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// Only a return of false stops minimize: an async onIteration's Promise (or a 'stop', a 0) was taken
// for "go on" without a word, and the run went on to maxIterations where the caller asked it to stop.

const quadratic = (x: Float64Array, grad: Float64Array) => {
  grad[0] = 2 * x[0]!;
  return x[0]! * x[0]!;
};

it.each<[string, unknown, string]>([
  ['a Promise', Promise.resolve(false), 'a Promise (an async callback cannot stop minimize)'],
  ['a string', 'stop', '"stop"'],
  ['a number', 0, '0'],
])('onIteration returning %s is refused at the first iteration', (_what, verdict, shown) => {
  let calls = 0;
  const onIteration = () => (calls++, verdict) as never;
  expect(() => minimize(quadratic, [1], { onIteration })).toThrow(
    new TypeError(`minimize: onIteration must return false (to stop), true or nothing, got ${shown} at iteration 1`),
  );
  expect(calls).toBe(1);
});

it('false stops, and true, nothing or null go on', () => {
  expect(minimize(quadratic, [1], { onIteration: (i) => i.iteration < 3 }).iterations).toBe(3);
  for (const verdict of [true, undefined, null]) {
    const r = minimize(quadratic, [1], { maxIterations: 5, onIteration: () => verdict as never });
    expect(r.iterations).toBe(5);
  }
});

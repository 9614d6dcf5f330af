import { expect, it } from 'vitest';
import { NonFiniteGradientError, Rprop } from '../../src/index.js';

// A parameter's name is shown in messages through JSON.stringify: a BigInt name made the refusal of a
// NaN gradient throw "Do not know how to serialize a BigInt" instead, and a symbol showed as
// "undefined". allocate took any name, and a BigInt dtype threw the same JSON error.

it.each<[string, unknown, string]>([
  ['a BigInt', 10n, '10n (a BigInt)'],
  ['a symbol', Symbol('w'), 'a symbol'],
  ['a string', 'w', '"w"'],
])('a step refusing a NaN gradient names a parameter whose name is %s', (_what, name, shown) => {
  const p = { data: new Float64Array(2), grad: Float64Array.of(1, NaN), name: name as string };
  const opt = new Rprop([p]);
  let error: unknown;
  try {
    opt.step();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(NonFiniteGradientError);
  expect((error as Error).message).toBe(`Rprop.step: the gradient of parameter 0 (${shown}) is NaN at index 1; nothing was changed`);
  expect(Array.from(p.data)).toEqual([0, 0]);
});

it.each<[string, () => unknown, string]>([
  ['a name that is no string', () => Rprop.allocate(2, 'float32', { layer: 1 } as never), 'allocate: name must be a string, got an object'],
  ['a BigInt name', () => Rprop.allocate(2, 'float64', 3n as never), 'allocate: name must be a string, got 3n (a BigInt)'],
  ['a BigInt dtype', () => Rprop.allocate(2, 32n as never), "allocate: dtype must be 'float32' or 'float64', got 32n (a BigInt)"],
])('allocate refuses %s by name', (_what, call, message) => {
  expect(call).toThrow(new TypeError(message));
});

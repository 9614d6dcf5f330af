import { expect, it } from 'vitest';
import { validateLionOptions, validateRpropOptions, validateSignumOptions } from '../../src/rules.js';

// Exported for adapters that check options themselves: given null or nothing they threw JavaScript's
// "Cannot read properties of null (reading 'lr')" instead of saying what they wanted.
it.each<[string, (o: never) => void, unknown]>([
  ['Rprop', (o) => validateRpropOptions(o), null],
  ['Signum', (o) => validateSignumOptions(o), undefined],
  ['Lion', (o) => validateLionOptions(o), 0.1],
])('validate%sOptions refuses options that are no object, by name', (owner, validate, given) => {
  expect(() => validate(given as never)).toThrow(new TypeError(`${owner}: options must be an object of named options, got ${given === null ? 'null' : String(given)}`));
});

it('an adapter\'s owner starts the message', () => {
  expect(() => validateRpropOptions(null as never, '', 'RpropOptimizer')).toThrow(new TypeError('RpropOptimizer: options must be an object of named options, got null'));
});

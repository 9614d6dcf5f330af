import { expect, it } from 'vitest';
import { Adam, Lion, Rprop, type Parameter } from '../../src/index.js';

// A pair option's item in a group was named 'etas (group 1)[1]': the group's position went between
// the option and its index, which reads as indexing the group. It follows the index now.

const param = (): Parameter => ({ data: Float64Array.of(1, 2), grad: null });

it.each<[string, () => unknown, string]>([
  ['Rprop etas', () => new Rprop([{ params: [param()] }, { params: [param()], etas: [0.5, NaN] }]), 'Rprop: etas[1] (group 1) must be finite, got NaN'],
  ['Rprop stepSizes', () => new Rprop([{ params: [param()] }, { params: [param()], stepSizes: ['0', 1] as never }]), 'Rprop: stepSizes[0] (group 1) must be a number, got "0"'],
  ['Lion betas', () => new Lion([{ params: [param()] }, { params: [param()], betas: [0.9, Infinity] }]), 'Lion: betas[1] (group 1) must be finite, got Infinity'],
  ['Adam betas', () => new Adam([{ params: [param()] }, { params: [param()], betas: [null, 0.9] as never }]), 'Adam: betas[0] (group 1) must be a number, got null'],
  ['a pair that is none', () => new Adam([{ params: [param()] }, { params: [param()], betas: [0.9] as never }]), 'Adam: betas (group 1) must be a pair [a, b] of numbers, got [0.9]'],
])('%s: an item is named with its index before the group', (_what, make, message) => {
  expect(make).toThrow(message);
});

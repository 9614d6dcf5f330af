import { expect, it } from 'vitest';
import { Rprop, type Variant } from '../../src/index.js';

// Ep is the + variants' memory: an optimizer with only minus variants ignores the loss its closure
// returns, so its saved dict carries none.
it.each<[Variant, number | null]>([
  ['irprop-', null],
  ['rprop-', null],
  ['rprop+', 3],
  ['irprop+', 3],
])('%s keeps the previous loss %s', (variant, expected) => {
  const p = { data: Float64Array.of(1), grad: Float64Array.of(1) };
  const opt = new Rprop([p], { variant });
  opt.step(() => 3);
  expect(opt.stateDict().prevLoss).toBe(expected);
});

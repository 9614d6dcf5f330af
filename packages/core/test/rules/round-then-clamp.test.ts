import { expect, it } from 'vitest';
import { adaptedStepSize, rpropConstantsFor } from '../../src/rules.js';

// For a float32 buffer Δ·η is rounded to float32 and then clamped, as PyTorch's mul_ then clamp_.
// Clamping first agrees for every Δ ≥ 0, so only a negative Δ (the exported rules accept any buffer)
// tells the orders apart: −1e-50 rounds to −0, which a Δmin of +0 lets through, while the exact
// product lies below +0 and would be clamped to +0.
it('a float32 step size is rounded before it is clamped', () => {
  const c = rpropConstantsFor(new Float32Array(1), [0.5, 1.2], [0, 50], false);
  expect(Object.is(adaptedStepSize(-1e-50, 0, c, true), -0)).toBe(true);
  // The same product in float64 is clamped as it is.
  expect(Object.is(adaptedStepSize(-1e-50, 0, c, false), 0)).toBe(true);
});

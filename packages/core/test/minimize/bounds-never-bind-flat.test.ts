import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// With bounds, a coordinate whose derivative is exactly 0 counts as settled whatever its Δ — but only
// while some coordinate is held at a bound (BoundedRun.exempt): bounds that never bind must leave a
// run as it was. Here x₀ crosses the minimum's flat middle (f's derivative flips sign), then comes to
// rest inside it with a large Δ, while x₁ is still converging.
const flat = (x: number): number => Math.max(0, Math.abs(x) - 1);
const f: Objective = (x, grad) => {
  grad[0] = 2 * flat(x[0]!) * Math.sign(x[0]!);
  grad[1] = 2 * (x[1]! - 0.1);
  return flat(x[0]!) ** 2 + (x[1]! - 0.1) ** 2;
};
const options = { lr: 4.5, variant: 'irprop-' as const, maxIterations: 2000 };

it('bounds that never bind leave a run with a flipped coordinate at rest on a flat part as it was', () => {
  const free = minimize(f, [3, 5], options);
  const boxed = minimize(f, [3, 5], { ...options, bounds: [[-100, 100], [-100, 100]] });
  expect(Math.abs(free.x[0]!)).toBeLessThan(1); // the scenario: x₀ came to rest in the flat middle
  expect(boxed.iterations).toBe(free.iterations);
  expect(boxed.message).toBe(free.message);
  expect(boxed.x).toStrictEqual(free.x);
});

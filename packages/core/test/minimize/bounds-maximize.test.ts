import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';
import { rosenbrock } from './functions.js';

const negated = (f: Objective): Objective => (x, g) => {
  const value = f(x, g);
  for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
  return -value;
};

// −(x − 3)² − 100(y + 2)²: its maximum lies outside the box, at whose corner (1, −1) both
// derivatives point out of it — held there only if the rule's sign (−g when maximizing) is used.
const hill: Objective = (x, g) => {
  g[0] = -2 * (x[0]! - 3);
  g[1] = -200 * (x[1]! + 2);
  return -((x[0]! - 3) ** 2) - 100 * (x[1]! + 2) ** 2;
};

it.each(VARIANTS)('%s: maximizes with bounds, held at the corner nearest an outside maximum', (variant) => {
  const r = minimize(hill, [0.5, 0], { variant, maximize: true, bounds: [[0, 1], [-1, 1]] });
  expect(r.converged, r.message).toBe(true);
  expect(r.message).toBe('the gradient is zero, except at 2 coordinates held at a bound');
  expect(Array.from(r.x)).toEqual([1, -1]);
  expect(r.fun).toBe(hill(r.x, new Float64Array(2)));
});

it.each(VARIANTS)('%s: maximizing −f in a box takes exactly the path of minimizing f in it', (variant) => {
  // Rosenbrock's minimum (1, 1) lies outside [−2, 0.5] × [−1, 2]: x ends held at 0.5.
  const bounds = [[-2, 0.5], [-1, 2]] as const;
  const path = (maximize: boolean) => {
    const xs: number[][] = [];
    const r = minimize(maximize ? negated(rosenbrock) : rosenbrock, [-1.2, 1], { variant, maximize, bounds, onIteration: (i) => void xs.push(Array.from(i.x)) });
    return { r, xs };
  };
  const down = path(false);
  const up = path(true);
  expect(down.r.converged, down.r.message).toBe(true);
  expect(down.r.x[0]).toBe(0.5);
  expect(up.xs).toEqual(down.xs);
  expect(up.r.message).toBe(down.r.message);
  expect(up.r.fun).toBe(-down.r.fun);
});

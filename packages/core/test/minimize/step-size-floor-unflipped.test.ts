import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';
import { scaledQuadratic } from './functions.js';

// The Δmin stop, like the xTol one, counts a coordinate whose derivative never flipped as settled
// only with derivative 0 at the point the last step reached, not only where that step started.
// x runs 0.01x² to Δmin; y is flat except at the point where that run would stop, where ∂f/∂y = −2.
const bowl = scaledQuadratic([0.01]);
const OPTIONS = { variant: 'rprop-', stepSizes: [1e-3, 50] } as const;

it('does not stop at Δmin where a never-flipped coordinate\'s derivative is not zero, but goes on', () => {
  const alone = minimize(bowl, [3], OPTIONS);
  expect(alone.message).toMatch(/^every step size is at Δmin/);
  let calls = 0;
  const slopes: number[] = [];
  const f: Objective = (x, g) => {
    const value = bowl(x.subarray(0, 1), g.subarray(0, 1));
    // The call at which the run of x alone stopped: y slopes down here, and only here.
    const tilted = ++calls === alone.evaluations;
    g[1] = tilted ? -2 : 0;
    slopes.push(g[1]);
    return value + (tilted ? -2 * x[1]! : 0);
  };
  const r = minimize(f, [3, 0], OPTIONS);
  expect(slopes[alone.evaluations - 1]).toBe(-2);
  expect(r.converged, r.message).toBe(true);
  expect(r.message).toMatch(/^every step size is at Δmin/);
  // It went on past the tilted point, and stopped where y's derivative is 0 again.
  expect(r.evaluations).toBeGreaterThan(alone.evaluations);
  expect(slopes.at(-1)).toBe(0);
});

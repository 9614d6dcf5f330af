import { describe, expect, it } from 'vitest';
import { minimize, VARIANTS, type MinimizeOptions, type Objective } from '../../src/index.js';
import { distance, scaledQuadratic } from './functions.js';

// 0.01x² + 100y² from (3, −2) with Δmin = 1e-3 (not the default 0): every step size reaches the
// floor long before x is within 1e-3 of the minimum (0, 0).
const bowl = scaledQuadratic([0.01, 100]);
const negated: Objective = (x, g) => {
  const value = bowl(x, g);
  for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
  return -value;
};
const FLOOR = 1e-3;

const SETUPS: readonly (readonly [string, Objective, MinimizeOptions, readonly number[], string])[] = [
  ['minimizing', bowl, {}, [0, 0], ''],
  ['maximizing −f', negated, { maximize: true }, [0, 0], ''],
  // x ≥ 1 holds x at its lower bound; y reaches Δmin.
  ['with x held at a bound', bowl, { bounds: [[1, 5], [-3, 3]] }, [1, 0], ', except at 1 coordinate held at a bound'],
];

/** The run, with every call of f recorded from outside, and the point the last step reached as `onIteration` saw it. */
function recorded(f: Objective, options: MinimizeOptions) {
  const sense = options.maximize === true ? -1 : 1;
  let calls = 0;
  let lowest = Infinity;
  let lowestX: number[] = [];
  let lastX: number[] = [];
  let reached: number[] = [];
  const result = minimize(
    (x, g) => {
      const value = f(x, g);
      calls++;
      lastX = Array.from(x);
      // The latest of equals, as minimize documents.
      if (sense * value <= lowest) [lowest, lowestX] = [sense * value, Array.from(x)];
      return value;
    },
    [3, -2],
    { ...options, stepSizes: [FLOOR, 50], onIteration: (info) => void (reached = Array.from(info.x)) },
  );
  return { result, calls, lowestX, lastX, reached };
}

describe.each(SETUPS)('minimize stopped at Δmin, %s', (_name, f, options, minimum, note) => {
  it.each(VARIANTS)('%s: evaluates the point its last step reached, and returns the lowest f evaluated', (variant) => {
    const { result, calls, lowestX, lastX, reached } = recorded(f, { ...options, variant });
    expect(result.converged, result.message).toBe(true);
    // One call per step, plus the start: the point the last step reached was evaluated — it was not,
    // and Rprop− (minimizing) returned f = 3.8e-5 where that point had 1.6e-8.
    expect(result.evaluations).toBe(calls);
    expect(calls).toBe(result.iterations + 1);
    expect(lastX).toEqual(reached);
    expect(Array.from(result.x)).toEqual(lowestX);
    expect(result.fun).toBe(f(Float64Array.from(result.x), new Float64Array(2)));
    // Converged to Δmin, and the message says so: not to the xTol the user may expect.
    expect(result.message).toBe(`every step size is at Δmin (${FLOOR})${note}: converged to about Δmin, not to xTol or xTolAbs; lower stepSizes[0] for more precision`);
  });

  it.each(VARIANTS)('%s: lands only about Δmin from the minimum, as its message says', (variant) => {
    const d = distance(recorded(f, { ...options, variant }).result.x, minimum);
    expect(d).toBeLessThan(FLOOR);
    // With Δmin = 0 every variant ends within 1e-15 of it (minimize.test.ts).
    expect(d).toBeGreaterThan(1e-6);
  });
});

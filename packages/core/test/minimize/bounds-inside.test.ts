import { expect, it } from 'vitest';
import { minimize, VARIANTS, type MinimizeOptions, type Objective } from '../../src/index.js';
import { rosenbrock, scaledQuadratic } from './functions.js';

/** Every point onIteration saw, with its step sizes, and the result. */
function run(f: Objective, x0: number[], options: MinimizeOptions) {
  const seen: number[][] = [];
  const r = minimize(f, x0, { ...options, onIteration: (i) => void seen.push([...i.x, ...i.stepSize, i.fun]) });
  return { r: { ...r, x: Array.from(r.x) }, seen };
}

// Bounds that never bind change nothing: not a step, not the stopping point, not the message.
it.each(VARIANTS)('%s: a minimum inside the box gives bit for bit the run without bounds', (variant) => {
  const cases: [Objective, number[], [number, number][], number][] = [
    [scaledQuadratic([0.01, 100]), [3, -2], [[-10, 10], [-10, 10]], 100_000],
    [scaledQuadratic([1, 1e-3, 10]), [1, 1, -1], [[-2, Infinity], [-Infinity, 5], [-3, 3]], 100_000],
    // No finite bound at all: whatever the path, the projection has nothing to do.
    [rosenbrock, [-1.2, 1], [[-Infinity, Infinity], [-Infinity, Infinity]], 2000],
  ];
  for (const [f, x0, bounds, maxIterations] of cases) {
    const free = run(f, x0, { variant, maxIterations });
    const boxed = run(f, x0, { variant, maxIterations, bounds });
    expect(free.seen.length).toBeGreaterThan(50);
    expect(boxed.r).toEqual(free.r);
    expect(boxed.seen).toEqual(free.seen);
  }
});

// The option's type takes a table as code holds it: number[][] and typed-array pairs (type-checked by
// `npm run typecheck`), the same run as tuples.
it('takes bounds as a number[][] or as typed-array pairs', () => {
  const f = scaledQuadratic([0.01, 100]);
  const table: number[][] = [[1, 10], [-10, 10]];
  const typed = [Float64Array.of(1, 10), Float32Array.of(-10, 10)];
  const tuples: [number, number][] = [[1, 10], [-10, 10]];
  const expected = run(f, [3, -2], { bounds: tuples });
  expect(expected.r.x[0]).toBe(1); // held at its lower bound
  expect(run(f, [3, -2], { bounds: table })).toEqual(expected);
  expect(run(f, [3, -2], { bounds: typed })).toEqual(expected);
});

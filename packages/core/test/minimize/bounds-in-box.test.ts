import fc from 'fast-check';
import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';
import { rosenbrock } from './functions.js';

/** A convex quadratic Σ aₖ(qₖ·(x − c))² with q a rotation of the plane's axes, for n = 2. */
function rotatedQuadratic(a: number, b: number, theta: number, c: readonly number[]): Objective {
  const cs = Math.cos(theta);
  const sn = Math.sin(theta);
  return (x, grad) => {
    const d0 = x[0]! - c[0]!;
    const d1 = x[1]! - c[1]!;
    const u = cs * d0 + sn * d1;
    const v = -sn * d0 + cs * d1;
    grad[0] = 2 * (a * u * cs - b * v * sn);
    grad[1] = 2 * (a * u * sn + b * v * cs);
    return a * u * u + b * v * v;
  };
}

/** A bound pair: finite, one-sided, fixed (lower = upper) or none; and a start inside it. */
const coordinate = fc
  .tuple(
    fc.double({ min: -3, max: 2, noNaN: true }),
    fc.oneof({ weight: 6, arbitrary: fc.double({ min: 1e-6, max: 4, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(0) }),
    fc.constantFrom('both', 'both', 'both', 'lower', 'upper', 'none'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([lo, width, kind, at]) => {
    const bounds: [number, number] = [kind === 'upper' || kind === 'none' ? -Infinity : lo, kind === 'lower' || kind === 'none' ? Infinity : lo + width];
    // Sometimes exactly at a bound: the start may already be held there.
    const x0 = at < 0.1 ? lo : at > 0.9 && Number.isFinite(bounds[1]) ? bounds[1] : lo + at * width;
    return { bounds, x0 };
  });

const problem = fc.oneof(
  fc
    .tuple(fc.double({ min: 1e-2, max: 1e3, noNaN: true }), fc.double({ min: 1e-2, max: 1e3, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })))
    .map(([a, b, theta, c]) => ({ f: rotatedQuadratic(a, b, theta, c), n: 2 })),
  fc.integer({ min: 2, max: 4 }).map((n) => ({ f: rosenbrock, n })),
);

it('every point f and onIteration see, and the result, lies in the box: every variant, the + variants backtracking', () => {
  fc.assert(
    fc.property(
      problem.chain(({ f, n }) => fc.tuple(fc.constant(f), fc.array(coordinate, { minLength: n, maxLength: n }))),
      fc.constantFrom(...VARIANTS, 'rprop+', 'irprop+'),
      fc.constantFrom(1e-3, 0.01, 0.5, 5),
      fc.boolean(),
      ([f, coordinates], variant, lr, maximize) => {
        const bounds = coordinates.map((c) => c.bounds);
        const outside: string[] = [];
        const check = (x: Float64Array, where: string) => {
          x.forEach((v, i) => {
            if (!(v >= bounds[i]![0] && v <= bounds[i]![1])) outside.push(`${where}: x[${i}] = ${v} outside [${bounds[i]}]`);
          });
        };
        // Maximizing −f: the same minimum, reached with the rule's derivative negated.
        const objective: Objective = (x, g) => {
          check(x, 'f');
          const value = f(x, g);
          if (!maximize) return value;
          for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
          return -value;
        };
        const r = minimize(objective, coordinates.map((c) => c.x0), { variant, lr, maximize, bounds, maxIterations: 300, onIteration: (i) => check(i.x, `step ${i.iteration}`) });
        check(r.x, 'result');
        expect(outside).toEqual([]);
      },
    ),
    { numRuns: 300 },
  );
});

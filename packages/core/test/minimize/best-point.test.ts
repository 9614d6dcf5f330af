import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';
import { rosenbrock, scaledQuadratic } from './functions.js';

/** A 2-D quadratic with scales a, b along axes turned by θ: ill-conditioned and not axis-aligned. */
function rotatedQuadratic(a: number, b: number, theta: number): Objective {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return (x, grad) => {
    const u = c * x[0]! + s * x[1]!;
    const v = -s * x[0]! + c * x[1]!;
    grad[0] = 2 * (a * u * c - b * v * s);
    grad[1] = 2 * (a * u * s + b * v * c);
    return a * u * u + b * v * v;
  };
}

const coordinate = fc.double({ min: -10, max: 10, noNaN: true });
const problem = fc.oneof(
  fc
    .array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 5 })
    .chain((scales) => fc.tuple(fc.constant(scaledQuadratic(scales)), fc.array(coordinate, { minLength: scales.length, maxLength: scales.length }))),
  fc
    .tuple(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }))
    .chain(([a, b, theta]) => fc.tuple(fc.constant(rotatedQuadratic(a, b, theta)), fc.array(coordinate, { minLength: 2, maxLength: 2 }))),
  fc.tuple(fc.constant(rosenbrock), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 4 })),
);

describe('minimize: the result is the best point it evaluated (a converged run\'s own point where that is within rounding of it or less steep), and its counts are the true ones', () => {
  it('for random quadratics, rotated quadratics and Rosenbrock starts, every variant, minimizing and maximizing', () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom(...VARIANTS),
        fc.boolean(),
        fc.constantFrom(1e-3, 0.01, 0.5, 5),
        fc.integer({ min: 0, max: 400 }),
        ([f, x0], variant, maximize, lr, maxIterations) => {
          // Maximizing −f: the values seen are −f, and the best is the highest.
          const sense = maximize ? -1 : 1;
          const objective: Objective = (x, g) => {
            const value = f(x, g);
            for (let i = 0; i < g.length; i++) g[i] = sense * g[i]!;
            return sense * value;
          };
          const seen: number[] = [];
          const steepness: number[] = []; // max |∂f/∂xᵢ| at each point seen
          const counted: Objective = (x, g) => {
            const value = objective(x, g);
            seen.push(value);
            steepness.push(g.reduce((m, v) => Math.max(m, Math.abs(v)), 0));
            return value;
          };
          const steps: number[] = [];
          const funs: number[] = [];
          const r = minimize(counted, x0, {
            variant,
            maximize,
            lr,
            maxIterations,
            onIteration: (info) => void (steps.push(info.iteration), funs.push(info.fun)),
          });
          expect(r.evaluations).toBe(seen.length);
          expect(steps).toEqual(Array.from({ length: r.iterations }, (_, i) => i + 1));
          expect(funs).toEqual(seen.slice(0, r.iterations));
          expect(r.iterations).toBeLessThanOrEqual(maxIterations);
          expect(objective(Float64Array.from(r.x), new Float64Array(r.x.length))).toBe(r.fun);
          // + 0: a tie between 0 and −0 may go either way; the values are equal.
          const best = (maximize ? Math.max(...seen) : Math.min(...seen)) + 0;
          const last = seen[seen.length - 1]!;
          const bestAt = seen.lastIndexOf(best); // the latest of equals, as minimize keeps (=== takes −0 for 0)
          const withinRounding = sense * (last - best) <= 8 * Number.EPSILON * Math.abs(best);
          if (r.converged && (withinRounding || steepness.at(-1)! < steepness[bestAt]!)) {
            // Converged within rounding of the best, or less steep than it: the point it converged at (evaluated last).
            expect(r.fun).toBe(last);
          } else {
            expect(r.fun + 0).toBe(best);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { minimize, VARIANTS, type IterationInfo } from '../../src/index.js';
import { distance, rosenbrock, scaledQuadratic } from './functions.js';

describe('minimize', () => {
  describe.each(VARIANTS)('%s', (variant) => {
    it.each<[string, number[], number[]]>([
      ['0.01x²', [0.01], [3]],
      ['100x²', [100], [3]],
      ['0.01x² + 100y²', [0.01, 100], [3, -2]],
    ])('brings %s within 1e-4 of 0 and stops by itself in ≤ 1000 iterations', (_name, scales, x0) => {
      const r = minimize(scaledQuadratic(scales), x0, { variant, maxIterations: 1000 });
      expect(r.converged, r.message).toBe(true);
      expect(r.iterations).toBeLessThanOrEqual(1000);
      expect(distance(r.x, 0)).toBeLessThan(1e-4);
    });

    it('solves Rosenbrock 2-D from (−1.2, 1) within 20 000 iterations', () => {
      const r = minimize(rosenbrock, [-1.2, 1], { variant, maxIterations: 20_000 });
      expect(distance(r.x, 1), r.message).toBeLessThan(1e-4);
      expect(r.iterations).toBeLessThanOrEqual(20_000);
    });
  });

  it.each(['irprop-', 'irprop+'] as const)('%s solves 10-D Rosenbrock within 20 000 iterations', (variant) => {
    const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimize(rosenbrock, x0, { variant, maxIterations: 20_000 });
    expect(distance(r.x, 1), r.message).toBeLessThan(1e-4);
  });

  it('reaches double precision with its defaults (Δmin = 0), where PyTorch\'s Δmin = 1e-6 cannot', () => {
    const precise = minimize(scaledQuadratic([0.01, 100]), [3, -2]);
    expect(distance(precise.x, 0)).toBeLessThan(1e-14);
    const floored = minimize(scaledQuadratic([0.01, 100]), [3, -2], { stepSizes: [1e-6, 50] });
    expect(floored.converged).toBe(true);
    expect(floored.message).toMatch(/Δmin/);
    expect(distance(floored.x, 0)).toBeGreaterThan(1e-10);
  });

  it('gives the same iterates for f and c·f (only signs matter)', () => {
    const trace = (c: number) => {
      const xs: number[][] = [];
      const f = scaledQuadratic([1, 1e-3]);
      const scaled = (x: Float64Array, g: Float64Array) => {
        const value = f(x, g);
        for (let i = 0; i < g.length; i++) g[i] = c * g[i]!;
        return c * value;
      };
      minimize(scaled, [1, 1], { maxIterations: 50, onIteration: ({ x }) => void xs.push(Array.from(x)) });
      return xs;
    };
    expect(trace(1e-8)).toEqual(trace(1e8));
  });

  it('stops at an exactly zero gradient without stepping', () => {
    const r = minimize(scaledQuadratic([1, 2]), [0, 0]);
    expect(r).toMatchObject({ iterations: 0, evaluations: 1, converged: true, message: 'the gradient is zero', fun: 0 });
  });

  it('reports maxIterations, a callback stop, and a bad value without throwing', () => {
    expect(minimize(rosenbrock, [-1.2, 1], { maxIterations: 5 })).toMatchObject({ iterations: 5, converged: false, message: 'reached maxIterations (5)' });
    const seen: IterationInfo[] = [];
    const stopped = minimize(rosenbrock, [-1.2, 1], { onIteration: (i) => (seen.push({ ...i, x: i.x.slice() }), i.iteration < 3) });
    expect(stopped).toMatchObject({ iterations: 3, converged: false, message: 'stopped by onIteration' });
    expect(seen.map((s) => s.iteration)).toEqual([1, 2, 3]);
    const nan = minimize((x, g) => ((g[0] = 1), x[0]! < 2.9 ? NaN : x[0]!), [3]);
    expect(nan.converged).toBe(false);
    expect(nan.message).toMatch(/^f\(x\) is NaN at iteration \d+$/);
    expect(nan.x[0]).toBeGreaterThanOrEqual(2.9);
  });

  it('maximizes with maximize: true', () => {
    const r = minimize((x, g) => ((g[0] = -2 * (x[0]! - 1)), -((x[0]! - 1) ** 2)), [5], { maximize: true, variant: 'irprop-' });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-12);
    expect(r.fun).toBeLessThanOrEqual(0);
  });

  it('maximizing −f takes exactly the path of minimizing f, for every variant (iRprop+ backtracks when the objective gets worse)', () => {
    const negated = (x: Float64Array, g: Float64Array) => {
      const f = rosenbrock(x, g);
      for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
      return -f;
    };
    for (const variant of VARIANTS) {
      const down = minimize(rosenbrock, [-1.2, 1], { variant, maxIterations: 3000 });
      const up = minimize(negated, [-1.2, 1], { variant, maximize: true, maxIterations: 3000 });
      expect(up.iterations, variant).toBe(down.iterations);
      expect(Array.from(up.x), variant).toEqual(Array.from(down.x));
      expect(up.fun, variant).toBe(-down.fun);
    }
  });

  it('does not call a step size that only started small converged: lr far below xTolAbs still reaches the minimum', () => {
    const f = (x: Float64Array, g: Float64Array) => ((g[0] = 2 * (x[0]! - 5)), (x[0]! - 5) ** 2);
    for (const lr of [1e-15, 1e-20]) {
      const r = minimize(f, [0], { lr });
      expect(r.converged, `lr ${lr}`).toBe(true);
      expect(Math.abs(r.x[0]! - 5), `lr ${lr}`).toBeLessThan(1e-12);
    }
    // A coordinate f does not depend on (derivative always 0) never flips, and does not block convergence.
    const flat = minimize((x, g) => ((g[0] = 2 * x[0]!), (g[1] = 0), x[0]! ** 2), [3, 7]);
    expect(flat.converged).toBe(true);
    expect(Math.abs(flat.x[0]!)).toBeLessThan(1e-12);
  });

  it('stops without claiming convergence when f is infinite, and reports that f', () => {
    const q = scaledQuadratic([0.01, 100]);
    const overflow = minimize(q, [1e300, 1e300]);
    expect(overflow).toMatchObject({ converged: false, fun: Infinity, iterations: 0, message: 'f(x) is Infinity at iteration 0' });
    const unbounded = minimize((x, g) => ((g[0] = 1), x[0]! < 2 ? -Infinity : x[0]!), [3]);
    expect(unbounded.converged).toBe(false);
    expect(unbounded.message).toMatch(/^f\(x\) is -Infinity at iteration \d+$/);
    expect(unbounded.x[0]).toBeGreaterThanOrEqual(2); // the best finite point, not the one where f is −∞
  });

  it('takes null options as no options', () => {
    const q = scaledQuadratic([1]);
    expect(minimize(q, [3], null as unknown as undefined)).toEqual(minimize(q, [3]));
  });

  it('counts a step size equal to xTolAbs as negligible (Δ ≤ xTolAbs, not <)', () => {
    // With lr and the etas powers of 2, every Δ is one: no Δ lies in [2⁻²⁰, 1.5·2⁻²⁰), so both stop alike.
    const run = (xTolAbs: number) => {
      const seen: number[] = [];
      const r = minimize(scaledQuadratic([1]), [0.3], {
        variant: 'irprop+', lr: 2 ** -3, etas: [0.5, 2], stepSizes: [0, 64], xTol: 0, xTolAbs,
        onIteration: (info) => void seen.push(info.stepSize[0]!),
      });
      return { r, seen };
    };
    const exact = run(2 ** -20);
    expect(exact.seen).toContain(2 ** -20); // the boundary is met
    expect(exact.r.message).toBe('every step size is negligible against x');
    expect(exact.seen.at(-1)).toBe(2 ** -20);
    expect(exact.r.iterations).toBe(run(1.5 * 2 ** -20).r.iterations);
  });

  it('returns the best point it evaluated, with its value', () => {
    const f = scaledQuadratic([1]);
    const r = minimize(f, [3], { variant: 'rprop-', maxIterations: 40 });
    expect(f(r.x, new Float64Array(1))).toBe(r.fun);
  });
});

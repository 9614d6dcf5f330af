import { expect, it } from 'vitest';
import { MGH_PROBLEMS, objective } from './mgh.js';

// The Moré–Garbow–Hillstrom problems' Jacobians are written by hand from the paper: a slip there would
// make every minimize test on them test the wrong function. Central differences catch it, at the start,
// at a point off every axis, and beside the minimiser.
it.each(MGH_PROBLEMS.map((p) => [p.name, p] as const))('%s: ∇f matches central differences of f', (_name, p) => {
  const f = objective(p);
  const n = p.x0.length;
  const points = [
    p.x0,
    p.x0.map((v, i) => v + 0.3 + 0.1 * i),
    (p.xStar ?? p.x0).map((v, i) => v * 1.01 + 0.02 * (i + 1)),
  ];
  for (const point of points) {
    const x = Float64Array.from(point);
    const grad = new Float64Array(n);
    const fx = f(x, grad);
    for (let i = 0; i < n; i++) {
      // A step relative to xᵢ: Brown's x₂ = 2e-6 sits beside x₁ = 1e6.
      const h = 1e-6 * Math.max(Math.abs(x[i]!), 1e-3);
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] = x[i]! + h;
      down[i] = x[i]! - h;
      const scratch = new Float64Array(n);
      const difference = (f(up, scratch) - f(down, scratch.fill(0))) / (2 * h);
      // The difference's own error: truncation (relative, ≈h²) plus f's rounding over 2h, which is
      // large where f is (Brown's f ≈ 1e12 away from its minimum).
      const tolerance = 1e-6 * Math.max(Math.abs(difference), 1) + (8 * Number.EPSILON * Math.abs(fx)) / h;
      expect(Math.abs(grad[i]! - difference), `∂f/∂x${i + 1} at ${Array.from(x)}: ${grad[i]} vs ${difference}`).toBeLessThanOrEqual(tolerance);
    }
  }
});

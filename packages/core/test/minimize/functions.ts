import type { Objective } from '../../src/index.js';

/** c·x² summed over coordinates with their own scales: one minimum at 0, gradients as far apart as the scales. */
export function scaledQuadratic(scales: readonly number[]): Objective {
  return (x, grad) => {
    let f = 0;
    scales.forEach((c, i) => {
      f += c * x[i]! * x[i]!;
      grad[i] = 2 * c * x[i]!;
    });
    return f;
  };
}

/** The n-dimensional Rosenbrock function Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²; minimum at (1, …, 1). */
export const rosenbrock: Objective = (x, grad) => {
  const n = x.length;
  grad.fill(0);
  let f = 0;
  for (let i = 0; i < n - 1; i++) {
    const a = x[i + 1]! - x[i]! * x[i]!;
    const b = 1 - x[i]!;
    f += 100 * a * a + b * b;
    grad[i] = grad[i]! - 400 * x[i]! * a - 2 * b;
    grad[i + 1] = grad[i + 1]! + 200 * a;
  }
  return f;
};

/** Largest |xᵢ − targetᵢ|. */
export function distance(x: ArrayLike<number>, target: number | readonly number[]): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i]! - (typeof target === 'number' ? target : target[i]!)));
  return d;
}

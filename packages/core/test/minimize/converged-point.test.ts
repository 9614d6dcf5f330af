import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';

// A least-squares fit (the README's bounded one): f does not vanish at the minimum, so f's rounding
// scored a point 2e-11–4e-11 short of where Rprop+, Rprop− and iRprop− converged an ulp lower, and
// that point, whose gradient was ≈1e-10, was returned. A converged run returns its own point unless
// an earlier one is better by more than rounding.
const t = [0, 1, 2, 3, 4];
const y = [1.15, 0.72, 0.44, 0.28, 0.17];
const fit: Objective = (x, grad) => {
  const [p, k] = [x[0]!, x[1]!];
  let f = 0;
  t.forEach((ti, i) => {
    const e = Math.exp(-k * ti);
    const r = p * e - y[i]!;
    f += r * r;
    grad[0] = grad[0]! + 2 * r * e;
    grad[1] = grad[1]! - 2 * r * p * ti * e;
  });
  return f;
};

it.each(VARIANTS)('%s: a converged fit returns the point it converged at, where the free coordinate\'s derivative is ≈0', (variant) => {
  let reached = new Float64Array(0);
  let lowest = Infinity;
  const r = minimize(
    (x, g) => {
      const f = fit(x, g);
      lowest = Math.min(lowest, f);
      return f;
    },
    [0.5, 1],
    { variant, bounds: [[0, 1], [0, Infinity]], onIteration: (info) => void (reached = Float64Array.from(info.x)) },
  );
  expect(r.converged).toBe(true);
  expect(r.x).toStrictEqual(reached);
  const g = new Float64Array(2);
  expect(fit(r.x, g)).toBe(r.fun);
  expect(Math.abs(g[1]!)).toBeLessThan(1e-13);
  expect(r.fun - lowest).toBeLessThanOrEqual(8 * Number.EPSILON * lowest);
});

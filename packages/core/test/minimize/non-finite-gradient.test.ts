import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

it('keeps a point whose gradient is not finite as the best one when its f is the lowest', () => {
  // |x| as √(x²): at x = 0 exactly (reached by the first step from 0.5 with lr 0.5) f is 0, ∂f/∂x = 0/0.
  const r = minimize((x, g) => {
    const f = Math.sqrt(x[0]! * x[0]!);
    g[0] = x[0]! / f;
    return f;
  }, [0.5], { lr: 0.5 });
  expect(r).toMatchObject({ fun: 0, iterations: 1, evaluations: 2, converged: false, message: 'the gradient is NaN at index 0, iteration 1' });
  expect(r.x[0]).toBe(0);
});

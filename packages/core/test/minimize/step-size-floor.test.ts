import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';

const towardFive: Objective = (x, g) => ((g[0] = 2 * (x[0]! - 5)), (x[0]! - 5) ** 2);

it.each(VARIANTS)('%s: an lr at or below Δmin is not taken for convergence at Δmin', (variant) => {
  for (const lr of [1e-6, 1e-7]) {
    const r = minimize(towardFive, [0], { variant, lr, stepSizes: [1e-6, 50] });
    expect(r.converged, `lr ${lr}`).toBe(true);
    expect(r.message, `lr ${lr}`).toMatch(/Δmin/);
    expect(Math.abs(r.x[0]! - 5), `lr ${lr}`).toBeLessThan(1e-5);
  }
});

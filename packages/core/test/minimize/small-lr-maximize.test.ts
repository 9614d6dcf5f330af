import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

const peakAtFive: Objective = (x, g) => ((g[0] = -2 * (x[0]! - 5)), -((x[0]! - 5) ** 2));

// When maximizing, the rule stores −g as the previous derivative, so a flip is told apart from two
// steps uphill only with that sign taken into account; miscounted, a step size that merely started
// below xTolAbs would be taken for convergence after two steps, at the start.
it('maximizing, an lr far below xTolAbs still reaches the maximum', () => {
  for (const lr of [1e-16, 1e-20]) {
    const r = minimize(peakAtFive, [0], { lr, maximize: true });
    expect(r.converged, `lr ${lr}`).toBe(true);
    expect(Math.abs(r.x[0]! - 5), `lr ${lr}`).toBeLessThan(1e-12);
  }
});

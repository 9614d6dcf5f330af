import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// (x − 0.7)² on [0.55, 1] from 0.6 with lr 0.5: the first step aims at 1.1 and is clamped to 1,
// where f is higher and the derivative has flipped, so both + variants take the step back. Taking
// back the 0.5 the rule aimed would land at 0.5, outside the box; taking back the 0.4 applied
// returns exactly to 0.6.
it.each(['rprop+', 'irprop+'] as const)('%s: a backtrack after a clamped step returns exactly to the point it left', (variant) => {
  const xs: number[] = [];
  const evaluated: number[] = [];
  const f = (x: Float64Array, g: Float64Array) => (evaluated.push(x[0]!), (g[0] = 2 * (x[0]! - 0.7)), (x[0]! - 0.7) ** 2);
  minimize(f, [0.6], { variant, lr: 0.5, bounds: [[0.55, 1]], maxIterations: 2, onIteration: (i) => void xs.push(i.x[0]!) });
  expect(xs).toEqual([1, 0.6]);
  expect(evaluated).toEqual([0.6, 1, 0.6]);
});

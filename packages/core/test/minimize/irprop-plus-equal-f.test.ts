import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// A flat f whose derivative changes sign at 0.995: from x = 1 the first step (lr 0.01) crosses it,
// and f is the same on both sides.
const flat: Objective = (x, g) => ((g[0] = x[0]! > 0.995 ? 1 : -1), 1);

// minimize's iRprop+ takes the step back only when f got worse; an equal f is not worse, so the
// crossed coordinate stays where it is, as Rprop.step does with an equal loss.
it.each([
  ['an equal f does not backtrack', flat, [0.99, 0.99]],
  ['a higher f backtracks', ((x, g) => (flat(x, g), 2 - x[0]!)) as Objective, [0.99, 1]],
] as const)('iRprop+ on a sign flip: %s', (_case, f, expected) => {
  const xs: number[] = [];
  minimize(f, [1], { variant: 'irprop+', maxIterations: 2, onIteration: ({ x }) => void xs.push(x[0]!) });
  expect(xs).toEqual(expected);
});

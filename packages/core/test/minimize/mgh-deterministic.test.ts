import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';
import { objective } from './mgh.js';
import { MGH_CASES } from './mgh-cases.js';

// Nothing in minimize is random or depends on the time: a run repeated gives the same result to the bit.
it.each(MGH_CASES)('%s: two runs give the same result', (_name, p, variant) => {
  const once = minimize(objective(p), p.x0, { variant });
  const again = minimize(objective(p), p.x0, { variant });
  expect(again).toStrictEqual(once);
});

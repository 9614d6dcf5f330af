import { VARIANTS, type Variant } from '../../src/index.js';
import { MGH_PROBLEMS, type MghProblem } from './mgh.js';

/** Every MGH problem with every variant, named for `it.each`. */
export const MGH_CASES: readonly (readonly [string, MghProblem, Variant])[] = MGH_PROBLEMS.flatMap((p) =>
  VARIANTS.map((variant) => [`${p.name}, ${variant}`, p, variant] as const),
);

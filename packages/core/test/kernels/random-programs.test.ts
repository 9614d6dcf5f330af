import { describe, it } from 'vitest';
import { checkRandomPrograms } from './random-programs.js';

describe('random programs on the kernels and on the reference rules', () => {
  it('agree after every operation: outcome, parameters and state, bit for bit', () => checkRandomPrograms(60));
});

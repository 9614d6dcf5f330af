import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { startRuns } from '../src/simulation.js';

describe('the runs started', () => {
  it('are the ticked optimizers\' only, in the list\'s order: an unticked one draws no path', () => {
    const fn = FUNCTIONS[0]!;
    const specs = optimizerSpecs();
    const ticked = specs.filter((s) => s.enabled).map((s) => s.id);
    // The page's default line-up has some ticked and some not, or this would prove nothing.
    expect(ticked.length).toBeGreaterThan(0);
    expect(ticked.length).toBeLessThan(specs.length);
    expect(startRuns(fn, fn.start, specs).map((r) => r.spec.id)).toEqual(ticked);
    expect(startRuns(fn, fn.start, specs.map((s) => ({ ...s, enabled: false })))).toEqual([]);
  });
});

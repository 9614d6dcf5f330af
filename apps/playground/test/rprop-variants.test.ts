import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

// Wired to one rule under four names, or with the + variants never given the loss they backtrack on,
// two entries would draw one path and the legend would compare a method with itself.
describe('the four Rprop entries', () => {
  it('run four different rules: each draws its own path on Rosenbrock', () => {
    const rprops = optimizerSpecs().filter((s) => s.id.includes('rprop'));
    expect(rprops.map((s) => s.id).sort()).toEqual(['irprop+', 'irprop-', 'rprop+', 'rprop-']);
    const fn = FUNCTIONS.find((f) => f.id === 'rosenbrock')!;
    const runs = startRuns(fn, fn.start, rprops.map((s) => ({ ...s, enabled: true })));
    for (let i = 0; i < 100; i++) stepRuns(fn, runs);
    for (const [i, a] of runs.entries()) for (const b of runs.slice(i + 1)) expect(a.path, `${a.spec.name} and ${b.spec.name}`).not.toEqual(b.path);
  });
});

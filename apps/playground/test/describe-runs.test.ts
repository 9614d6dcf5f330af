import { describe, expect, it } from 'vitest';
import { describeRuns, speakable } from '../src/describe-runs.js';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

const byId = (id: string) => FUNCTIONS.find((f) => f.id === id)!;
/** The page's line-up with only `ids` ticked. */
const ticked = (...ids: string[]) => optimizerSpecs().map((s) => ({ ...s, enabled: ids.includes(s.id) }));

describe('the map in words', () => {
  it('speaks coordinates to 3 decimals, with a minus sign and no −0', () => {
    expect(speakable(-1.23456)).toBe('−1.235');
    expect(speakable(-0.0001)).toBe('0');
    expect(speakable(2)).toBe('2');
  });

  it('names the function, the start and each run\'s place, distance to the minimum and f − f*, from the runs themselves', () => {
    const fn = byId('scaled');
    const runs = startRuns(fn, [3, -2], ticked('irprop-', 'sgd'));
    for (let k = 0; k < 40; k++) stepRuns(fn, runs);
    const text = describeRuns({ fn, start: [3, -2], runs, iteration: 40, maxIterations: 500 });
    expect(text).toMatch(/^0\.01x² \+ 100y² from \(3, −2\), iteration 40 of 500\./);
    for (const run of runs) {
      const [x, y] = run.path.at(-1)!;
      const distance = Math.hypot(x, y);
      expect(text).toContain(`${run.spec.name} is at (${speakable(x)}, ${speakable(y)}), ${speakable(distance)} from the minimum at (0, 0), f − f* = ${run.losses.at(-1)!.toExponential(2)}.`);
    }
  });

  it('says a run ended once all iterations are run, and measures to the nearest of several minima', () => {
    const fn = byId('himmelblau');
    const runs = startRuns(fn, fn.start, ticked('adam'));
    for (let k = 0; k < 500; k++) stepRuns(fn, runs);
    const text = describeRuns({ fn, start: fn.start, runs, iteration: 500, maxIterations: 500 });
    expect(text).toContain('all 500 iterations run.');
    // Himmelblau's note: from the default start all reach (−2.81, 3.13).
    expect(text).toMatch(/Adam ended at \(−2\.8\d*, 3\.13\d*\), 0(\.00\d)? from the minimum at \(−2\.805, 3\.131\)/);
  });

  it('says which runs diverged or were refused, and when none is ticked', () => {
    const fn = byId('scaled');
    const specs = ticked('sgd', 'adam');
    specs.find((s) => s.id === 'sgd')!.knobs.find((k) => k.key === 'lr')!.value = 1e308;
    specs.find((s) => s.id === 'adam')!.knobs.find((k) => k.key === 'beta1')!.value = 1;
    const runs = startRuns(fn, [3, -2], specs);
    stepRuns(fn, runs);
    const text = describeRuns({ fn, start: [3, -2], runs, iteration: 1, maxIterations: 500 });
    expect(text).toContain('SGD diverged at iteration 1, last seen at (3, −2).');
    const refusal = runs.find((r) => r.spec.id === 'adam')!.error;
    expect(refusal).toContain('betas[0]');
    expect(text).toContain(`Adam did not run: ${refusal}.`);
    expect(describeRuns({ fn, start: [3, -2], runs: [], iteration: 0, maxIterations: 500 })).toMatch(/No optimizer ticked\.$/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { MAX_SIGMA } from '../src/noise.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { normalStream } from '../src/random.js';
import { startRuns, stepRuns } from '../src/simulation.js';

const field = readFileSync(new URL('../index.html', import.meta.url), 'utf8').match(/<label class="noise" title="([^"]*)"/)![1]!;

// σ had no upper bound: from about 1e306 the noise was ±Infinity and every run, Rprop's too, was marked
// diverged on its first step; from about 1e150 Adam's squared gradient overflowed and it stood still.
describe('the largest gradient noise the page takes', () => {
  it('leaves every run but SGD\'s finite, on every function, and Adam still stepping', () => {
    for (const fn of FUNCTIONS) {
      for (const seed of [1, 2, 3]) {
        const runs = startRuns(fn, fn.start, optimizerSpecs().map((s) => ({ ...s, enabled: true })), { sigma: MAX_SIGMA, seed });
        for (let i = 0; i < 500; i++) stepRuns(fn, runs);
        for (const run of runs.filter((r) => r.spec.id !== 'sgd')) expect(run.diverged, `${fn.id} ${run.spec.id} seed ${seed}`).toBe(false);
        // Adam's steps are near lr (0.1) whatever the gradients' scale: over its last 100 it moved.
        const path = runs.find((r) => r.spec.id === 'adam')!.path;
        const moved = Math.hypot(path.at(-1)![0] - path.at(-101)![0], path.at(-1)![1] - path.at(-101)![1]);
        expect(moved, `${fn.id} seed ${seed}`).toBeGreaterThan(1e-3);
      }
    }
  });

  it('is the one the field\'s explanation gives, with the share of right signs it states', () => {
    const [, most, share] = field.match(/(\d+) is the most, where a gradient of the typical size already has its sign right only (\d+) %/) ?? [];
    expect(Number(most)).toBe(MAX_SIGMA);
    // A gradient of the typical size is the noise's scale s: g + σ·s·ε has g's sign when ε > −1/σ.
    const normal = normalStream(11);
    const draws = Array.from({ length: 100_000 }, normal);
    expect(Math.round((100 * draws.filter((z) => 1 + MAX_SIGMA * z > 0).length) / draws.length)).toBe(Number(share));
  });
});

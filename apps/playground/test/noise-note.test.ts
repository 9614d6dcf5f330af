import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { EXACT } from '../src/noise.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { startRuns, stepRuns, type Run } from '../src/simulation.js';

const lead = readFileSync(new URL('../index.html', import.meta.url), 'utf8').match(/<p class="lead">([^]*?)<\/p>/)![1]!.replace(/\s+/g, ' ');
/** The number the lead gives where `pattern`'s group is. */
const stated = (pattern: RegExp) => Number(lead.match(pattern)?.[1]);

const fn = FUNCTIONS.find((f) => f.id === 'scaled')!;
const SIGN_METHODS = ['signsgd', 'signum', 'lion'];
/** Ten seeds, the page's own (EXACT.seed) among them: no single lucky draw. */
const SEEDS = Array.from({ length: 10 }, (_, k) => EXACT.seed + k);
const distance = (run: Run) => Math.hypot(...run.path.at(-1)!);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

/** The page's 500 iterations, default settings and start, at the σ the lead says to try, for each seed. */
function outcomes(sigma: number): Array<Record<string, Run>> {
  return SEEDS.map((seed) => {
    const runs = startRuns(fn, fn.start, optimizerSpecs().map((s) => ({ ...s, enabled: true })), { sigma, seed });
    for (let i = 0; i < 500; i++) stepRuns(fn, runs);
    return Object.fromEntries(runs.map((r) => [r.spec.id, r]));
  });
}

// The introduction says what gradient noise does to Rprop and to the sign methods without its test; this holds it to it.
describe('the lead tells what gradient noise shows', () => {
  const sigma = stated(/Try σ = ([\d.]+) on 0\.01x² \+ 100y²/);
  const far = stated(/typically (\d+(?:\.\d+)?) or more from the minimum/);
  const near = stated(/end nearer, typically within (\d+(?:\.\d+)?) of it/);
  const runs = outcomes(sigma);

  it('names a σ and the distances it claims', () => {
    expect(sigma).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(near);
    expect(lead).toContain('as Adam does');
  });

  it('iRprop−\'s steps shrink to nothing: over its last 100 iterations it moves less than 1e-3 a step, in every seed', () => {
    for (const [k, seedRuns] of runs.entries()) {
      const path = seedRuns['irprop-']!.path;
      const moves = path.slice(-101).slice(1).map(([x, y], j) => Math.max(Math.abs(x - path.at(-101 + j)![0]), Math.abs(y - path.at(-101 + j)![1])));
      expect(Math.max(...moves), `seed ${SEEDS[k]}`).toBeLessThan(1e-3);
    }
  });

  it('signSGD, Signum and Lion keep stepping by lr', () => {
    for (const seedRuns of runs) {
      for (const id of SIGN_METHODS) {
        const path = seedRuns[id]!.path;
        const [a, b] = [path.at(-2)!, path.at(-1)!];
        expect(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])), id).toBeCloseTo(0.05, 9);
      }
    }
  });

  it('iRprop− stops typically as far as stated; signSGD, Signum, Lion and Adam end typically within the distance stated', () => {
    expect(median(runs.map((r) => distance(r['irprop-']!)))).toBeGreaterThanOrEqual(far);
    for (const id of [...SIGN_METHODS, 'adam']) expect(median(runs.map((r) => distance(r[id]!))), id).toBeLessThan(near);
  });

  it('the page\'s own draw (its seed, its start) bears the lead out: a distance some method misses there is stated as typical, not as what happens', () => {
    const own = runs[0]!;
    const missed = [...SIGN_METHODS, 'adam'].filter((id) => distance(own[id]!) >= near);
    if (missed.length > 0) expect(lead, `${missed.join(', ')} end ${near} or more from the minimum on the page`).toMatch(/typically within [\d.]+ of it/);
    if (distance(own['irprop-']!) < far) expect(lead, 'iRprop− ends nearer than stated on the page').toMatch(/typically [\d.]+ or more from the minimum/);
  });

  it('signSGD, Signum and Lion each end nearer than iRprop− in at least 9 seeds of 10, the page\'s own among them', () => {
    for (const id of SIGN_METHODS) {
      const nearer = runs.map((r) => distance(r[id]!) < distance(r['irprop-']!));
      expect(nearer.filter(Boolean).length, id).toBeGreaterThanOrEqual(9);
      expect(nearer[0], `${id}, seed ${EXACT.seed}`).toBe(true);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

/** f − f* of every optimizer after the page's 500 iterations, default settings, default start. */
function outcome(id: string): Record<string, number> {
  const fn = FUNCTIONS.find((f) => f.id === id)!;
  const runs = startRuns(fn, fn.start, optimizerSpecs().map((s) => ({ ...s, enabled: true })));
  for (let i = 0; i < 500; i++) stepRuns(fn, runs);
  return Object.fromEntries(runs.map((r) => [r.spec.id, r.diverged ? Infinity : r.losses.at(-1)! - fn.fmin]));
}
const note = (id: string) => FUNCTIONS.find((f) => f.id === id)!.note;
const SIGN_METHODS = ['signsgd', 'signum', 'lion'];
const RPROPS = ['irprop-', 'irprop+', 'rprop-', 'rprop+'];

// The explanations under the map make claims about what the page shows; these hold them to it.
describe('the notes tell what the page shows', () => {
  it('0.01x² + 100y²: SGD crawls, Rprop and Adam converge, Signum rocks at an lr-sized distance', () => {
    const f = outcome('scaled');
    expect(f.sgd).toBeGreaterThan(1e-2);
    for (const id of [...RPROPS, 'adam']) expect(f[id], id).toBeLessThan(1e-9);
    expect(f.signum).toBeGreaterThan(1e-2);
    expect(note('scaled')).not.toMatch(/seed/);
  });

  it('Rosenbrock: nobody reaches (1, 1) in 500 iterations; the fixed-step sign methods stall', () => {
    const f = outcome('rosenbrock');
    for (const v of Object.values(f)) expect(v).toBeGreaterThan(1e-3);
    for (const id of SIGN_METHODS) expect(f[id], id).toBeGreaterThan(0.1);
    expect(note('rosenbrock')).toContain('none gets there');
  });

  it('Beale: the Rprop variants get closest; SGD crawls', () => {
    const f = outcome('beale');
    const best = Math.max(...RPROPS.map((id) => f[id]!));
    for (const id of ['sgd', 'adam', ...SIGN_METHODS]) expect(f[id], id).toBeGreaterThan(best);
    expect(f.sgd).toBeGreaterThan(1e-3);
  });

  it('Himmelblau: from the default start every optimizer ends at the minimum the note names, one of those marked', () => {
    const fn = FUNCTIONS.find((f) => f.id === 'himmelblau')!;
    const [, x, y] = note('himmelblau').match(/all reach \(([−\d.]+), ([−\d.]+)\)/) ?? [];
    const named = [Number(x!.replace('−', '-')), Number(y!.replace('−', '-'))] as const;
    const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
    const marked = fn.minima.find((m) => distance(m, named) < 0.01);
    expect(marked, `(${named}) is no minimum marked`).toBeDefined();
    const runs = startRuns(fn, fn.start, optimizerSpecs().map((s) => ({ ...s, enabled: true })));
    for (let i = 0; i < 500; i++) stepRuns(fn, runs);
    for (const run of runs) {
      const end = run.path.at(-1)!;
      const nearest = fn.minima.reduce((a, b) => (distance(b, end) < distance(a, end) ? b : a));
      expect(nearest, run.spec.name).toBe(marked);
    }
  });

  it('the rotated quadratic: Rprop loses its edge — stuck near 1e-2 where the unturned one reaches 1e-11, within a few times SGD', () => {
    const turned = outcome('rotated');
    const unturned = outcome('scaled');
    expect(unturned['irprop-']).toBeLessThan(1e-9);
    expect(turned['irprop-']).toBeGreaterThan(1e-3);
    expect(turned['irprop-']).toBeGreaterThan(turned.sgd! / 10);
    for (const id of SIGN_METHODS) expect(turned[id], id).toBeGreaterThan(turned['irprop-']!);
    // The old note said Rprop could only step diagonally or along the axes: its two step sizes differ.
    expect(note('rotated')).not.toMatch(/diagonally/);
  });

  it('the introduction gives per-coordinate adapted steps to Rprop alone: the other sign methods step by lr', () => {
    const lead = readFileSync(new URL('../index.html', import.meta.url), 'utf8').match(/<p class="lead">([^]*?)<\/p>/)![1]!.replace(/\s+/g, ' ');
    // It said 'Rprop and its relatives look only at the sign, and each coordinate keeps its own step, grown ×η+':
    // signSGD, Signum and Lion keep none, as the notes say and the 0.01x² + 100y² map shows.
    expect(lead).not.toMatch(/relatives[^.;]*, and each coordinate keeps its own step/);
    expect(lead).toContain('signSGD, Signum and Lion step by the same lr in every coordinate');
  });
});

import { readFileSync } from 'node:fs';
import { RPROP_DEFAULTS } from 'rprop';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs, type OptimizerSpec } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

const lead = readFileSync(new URL('../index.html', import.meta.url), 'utf8').match(/<p class="lead">([^]*?)<\/p>/)![1]!.replace(/\s+/g, ' ');
const rprops = () => optimizerSpecs().filter((s) => s.id.includes('rprop'));
const scaled = FUNCTIONS.find((f) => f.id === 'scaled')!;

/** How far each Rprop entry ends from the minimum of 0.01x² + 100y² after the page's 500 iterations, at Δmin `stepMin`. */
function distances(stepMin: number): Record<string, number> {
  const specs: OptimizerSpec[] = rprops().map((s) => ({ ...s, enabled: true, knobs: s.knobs.map((k) => (k.key === 'stepMin' ? { ...k, value: stepMin } : k)) }));
  const runs = startRuns(scaled, scaled.start, specs);
  for (let i = 0; i < 500; i++) stepRuns(scaled, runs);
  return Object.fromEntries(runs.map((r) => [r.spec.id, Math.hypot(...r.path.at(-1)!)]));
}

// The introduction's sentence on the Rprop controls: what they start at, and what Δmin does.
describe('the introduction on the Rprop controls', () => {
  it('gives the Δ₀, Δmax and Δmin they start at; η− and η+ are the library\'s', () => {
    const [, lr, stepMax] = lead.match(/The Rprop controls start at Δ₀ ([\d.]+) and Δmax ([\d.]+)/) ?? [];
    const [, stepMin] = lead.match(/Δmin ([\de.-]+) is PyTorch's floor/) ?? [];
    for (const spec of rprops()) {
      const v = Object.fromEntries(spec.knobs.map((k) => [k.key, k.value]));
      expect(v, spec.name).toEqual({ lr: Number(lr), etaMinus: RPROP_DEFAULTS.etas[0], etaPlus: RPROP_DEFAULTS.etas[1], stepMin: Number(stepMin), stepMax: Number(stepMax) });
    }
  });

  it('Δmin 1e-6 keeps Rprop about that far from the minimum; at 0 it gets far closer', () => {
    expect(lead).toContain('set it to 0 to watch it reach full precision');
    for (const [id, d] of Object.entries(distances(1e-6))) {
      expect(d, id).toBeGreaterThan(1e-7);
      expect(d, id).toBeLessThan(1e-5);
    }
    for (const [id, d] of Object.entries(distances(0))) expect(d, id).toBeLessThan(1e-20);
  });
});

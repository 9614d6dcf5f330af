import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs, type OptimizerSpec } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

/** Another value for each hyperparameter, one the library takes and far enough from the default to show. */
const OTHER: Record<string, (value: number) => number> = {
  lr: (v) => 2 * v,
  etaMinus: () => 0.25,
  etaPlus: () => 1.5,
  stepMin: () => 1e-2,
  stepMax: () => 0.3,
  momentum: () => 0.5,
  beta: () => 0.5,
  beta1: () => 0.5,
  beta2: () => 0.9,
  weightDecay: () => 0.1,
};

const scaled = FUNCTIONS.find((f) => f.id === 'scaled')!;

/** `spec`'s path over 200 iterations from the default start of 0.01x² + 100y², alone on the page. */
function path(spec: OptimizerSpec): Array<[number, number]> {
  const runs = startRuns(scaled, scaled.start, [{ ...spec, enabled: true }]);
  for (let i = 0; i < 200; i++) stepRuns(scaled, runs);
  expect(runs[0]!.error, spec.name).toBeNull();
  return runs[0]!.path;
}

// A value that never reached its optimizer would still be shown, and typed into: a control that does nothing.
describe('every hyperparameter control', () => {
  it('changes its optimizer\'s path when its value changes', () => {
    for (const spec of optimizerSpecs()) {
      const before = path(spec);
      for (const knob of spec.knobs) {
        expect(OTHER[knob.key], `no other value for ${spec.name}'s ${knob.key}: add one`).toBeDefined();
        const knobs = spec.knobs.map((k) => (k === knob ? { ...k, value: OTHER[k.key]!(k.value) } : k));
        expect(path({ ...spec, knobs }), `${spec.name} ${knob.label}`).not.toEqual(before);
      }
    }
  });
});

import type { Parameter } from 'rprop';
import { describe, expect, it } from 'vitest';
import { optimizerSpecs } from '../src/optimizers.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 1), grad: new Float64Array(2) });
const values = (knobs: Array<{ key: string; value: number }>) => Object.fromEntries(knobs.map((k) => [k.key, k.value]));

describe('the optimizer line-up', () => {
  it('runs exactly the hyperparameters shown: a β or momentum of 1 is refused, not quietly clamped', () => {
    const decays = ['momentum', 'beta', 'beta1', 'beta2'];
    let checked = 0;
    for (const spec of optimizerSpecs()) {
      for (const knob of spec.knobs.filter((k) => decays.includes(k.key))) {
        expect(() => spec.make([param()], { ...values(spec.knobs), [knob.key]: 1 }), `${spec.name} ${knob.key} = 1`).toThrow(RangeError);
        checked++;
      }
    }
    expect(checked).toBe(6);
  });

  it('every optimizer accepts its own defaults', () => {
    for (const spec of optimizerSpecs()) expect(() => spec.make([param()], values(spec.knobs)), spec.name).not.toThrow();
  });

  it("every default lies on its input's step grid, so the spinner steps from it (η− 0.5 went to 0.51)", () => {
    // A number input steps from its min: min 0.01, step 0.05 made η−'s arrows go 0.5 → 0.51, 0.46, never back.
    for (const spec of optimizerSpecs()) {
      for (const k of spec.knobs) {
        const steps = (k.value - k.min) / k.step;
        expect(Math.abs(steps - Math.round(steps)), `${spec.name} ${k.label} = ${k.value}`).toBeLessThan(1e-9);
      }
    }
  });
});

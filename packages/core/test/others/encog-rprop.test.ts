import { describe, expect, it } from 'vitest';
import { trainOurs } from './encog-ours.js';
import { encogGradient, encogRun, loadEncogRecording, weightsBefore, type EncogRun } from './encog-recording.js';
import { flipsAt, toleranceActedAt } from './encog-signs.js';

/**
 * The README ("Where other implementations differ"): Encog's Rprop− and iRprop− ignore the initial
 * step and are the same algorithm. Checked on runs of both Encogs (fixtures/others-encog/): the npm
 * port `encog` 1.6.0 and the Java original, encog-java-core 3.4.1 — a linear net of 3 weights trained
 * on one sample with each Rprop type, from the same weights and an explicit initial update. This
 * library is trained on the same net (the gradients recomputed exactly as Encog computes them) with
 * Encog's η±, Δmin and max step, in float64 like Encog. No Encog is needed here: only the recordings.
 * RPROPp and iRPROPp: encog-rprop-plus.test.ts.
 */

const weightsOf = (run: EncogRun): number[][] => run.iterations.map((it) => it.weights);

describe.each([loadEncogRecording('npm'), loadEncogRecording('java')])('$source', (rec) => {
  const o = rec.options;
  const rpropMinus = encogRun(rec, 'RPROPm', 0.05);
  const iRpropMinus = encogRun(rec, 'iRPROPm', 0.05);
  const otherUpdate = encogRun(rec, 'RPROPm', 0.3);
  const n = rpropMinus.iterations.length;

  it("holds Encog's gradients: the one it used is x·(t − y) at the weights before the iteration, bit for bit", () => {
    for (const run of rec.runs) {
      const before = weightsBefore(rec, run);
      run.iterations.forEach((it, k) => expect(it.gradient, `${run.type} ${run.initialUpdate}, iteration ${k + 1}`).toEqual(encogGradient(rec, before[k]!)));
    }
  });

  it('RPROPm and iRPROPm are the same algorithm: weights, Δ and stored gradients equal at every iteration, through sign flips', () => {
    expect(flipsAt(rpropMinus).length).toBeGreaterThan(2);
    expect(iRpropMinus.iterations).toEqual(rpropMinus.iterations);
    // iRPROPm zeroes the stored gradient at a flip, then overwrites it: it is never 0 after one.
    for (const k of flipsAt(iRpropMinus)) {
      const it = iRpropMinus.iterations[k - 1]!;
      expect(it.lastGradient, `iteration ${k}`).toEqual(it.gradient);
      expect(it.lastGradient.every((g) => g !== 0), `iteration ${k}`).toBe(true);
    }
  });

  it('RPROPm ignores the initial update: with 0.05 and with 0.3 every iteration is the same', () => {
    expect(otherUpdate.iterations.map((it) => it.updateValues)).toEqual(otherUpdate.iterations.map(() => [0.3, 0.3, 0.3]));
    const withoutUpdateValues = (run: EncogRun): unknown[] => run.iterations.map(({ updateValues: _, ...rest }) => rest);
    expect(withoutUpdateValues(otherUpdate)).toEqual(withoutUpdateValues(rpropMinus));
  });

  it('RPROPm takes a first step of Δmin (1e-6), not the initial update: Δ starts at 0 and is raised to Δmin', () => {
    const first = rpropMinus.iterations[0]!;
    expect(o.deltaMin).toBe(1e-6);
    expect(first.lastDelta).toEqual(rec.init.map(() => o.deltaMin));
    expect(first.weights).toEqual(rec.init.map((w, i) => w + Math.sign(first.gradient[i]!) * o.deltaMin));
    // From Δmin, η+ = 1.2 needs ⌈log(0.05 / 1e-6) / log 1.2⌉ = 60 same-sign steps to reach 0.05; the
    // weights overshot first, so Δ stayed far below the initial update for the whole run.
    const largest = Math.max(...rpropMinus.iterations.flatMap((it) => it.lastDelta));
    expect(largest).toBeLessThan(rpropMinus.initialUpdate / 10);
  });

  it("RPROPm is this library's 'rprop-' started at lr = Δmin, bit for bit: weights and Δ at every iteration", () => {
    expect(toleranceActedAt(rec, rpropMinus)).toEqual([]); // Encog's signs were exact signs throughout
    const ours = trainOurs(rec, 'rprop-', o.deltaMin, n);
    expect(ours.weights).toEqual(weightsOf(rpropMinus));
    expect(ours.stepSizes).toEqual(rpropMinus.iterations.map((it) => it.lastDelta));
  });

  it("RPROPm differs from this library's 'rprop-' given the initial update as lr from the first step", () => {
    const [ours] = trainOurs(rec, 'rprop-', rpropMinus.initialUpdate, 1).weights;
    const first = rpropMinus.iterations[0]!;
    expect(ours).toEqual(rec.init.map((w, i) => w + Math.sign(first.gradient[i]!) * rpropMinus.initialUpdate));
    ours!.forEach((w, i) => expect(w, `weight ${i}`).not.toBe(first.weights[i]));
  });
});

describe('the two Encogs', () => {
  it('recorded the same RPROPm, iRPROPm and RPROPp runs, bit for bit', () => {
    const [npm, java] = [loadEncogRecording('npm'), loadEncogRecording('java')];
    expect(java.init).toEqual(npm.init);
    for (const type of ['RPROPm', 'iRPROPm', 'RPROPp'] as const) {
      const strip = (run: EncogRun): unknown[] => run.iterations.map(({ error: _e, lastError: _l, ...state }) => state);
      expect(strip(encogRun(java, type, 0.05)), type).toEqual(strip(encogRun(npm, type, 0.05)));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { trainOurs } from './encog-ours.js';
import { encogGradient, encogLoss, encogRun, loadEncogRecording, weightsBefore, type EncogRun } from './encog-recording.js';

/**
 * The README ("Where other implementations differ"): Encog's Rprop− and iRprop− ignore the initial
 * step and are the same algorithm. Checked on a run of Encog itself (fixtures/others-encog/rprop.json,
 * the npm port `encog` 1.6.0): a linear net of 3 weights trained on one sample, with each of its Rprop
 * types, from the same weights and an explicit initial update. This library is trained on the same net
 * (the gradients recomputed exactly as Encog computes them) with Encog's η±, Δmin and max step, in
 * float64 like Encog. No Encog is needed here: only the recording.
 */

const rec = loadEncogRecording();
const o = rec.options;
const rpropMinus = encogRun(rec, 'RPROPm', 0.05);
const iRpropMinus = encogRun(rec, 'iRPROPm', 0.05);
const rpropMinusOtherUpdate = encogRun(rec, 'RPROPm', 0.3);
const rpropPlus = encogRun(rec, 'RPROPp', 0.05);
const iRpropPlus = encogRun(rec, 'iRPROPp', 0.05);
const N = rpropMinus.iterations.length;
const weightsOf = (run: EncogRun): number[][] => run.iterations.map((it) => it.weights);

/** Iterations (from 1) where some weight's gradient has the sign opposite to the one Encog stored before. */
function flipsAt(run: EncogRun): number[] {
  return run.iterations.flatMap((it, k) => {
    const stored = k === 0 ? it.gradient.map(() => 0) : run.iterations[k - 1]!.lastGradient;
    return it.gradient.some((g, i) => g * stored[i]! < 0) ? [k + 1] : [];
  });
}

/**
 * Iterations (from 1) where Encog's EncogMath.sign saw 0 for a value that is not 0: a gradient, or its
 * product with the stored one, within `signZeroTolerance` of 0. There, Encog does not move the weight
 * (or treats a flip as no information) where an exact sign would.
 */
function toleranceActedAt(run: EncogRun): number[] {
  const tiny = (v: number): boolean => v !== 0 && Math.abs(v) < o.signZeroTolerance;
  return run.iterations.flatMap((it, k) => {
    const stored = k === 0 ? it.gradient.map(() => 0) : run.iterations[k - 1]!.lastGradient;
    return it.gradient.some((g, i) => tiny(g) || tiny(g * stored[i]!)) ? [k + 1] : [];
  });
}

describe('the recording', () => {
  it("holds Encog's gradients: the one it used is x·(t − y) at the weights before the iteration, bit for bit", () => {
    for (const run of rec.runs) {
      const before = weightsBefore(rec, run);
      run.iterations.forEach((it, k) => expect(it.gradient, `${run.type} ${run.initialUpdate}, iteration ${k + 1}`).toEqual(encogGradient(rec, before[k]!)));
    }
  });

  it('holds runs whose gradients flip sign, so that each rule is seen on a flip', () => {
    for (const run of [rpropMinus, rpropPlus, iRpropPlus]) expect(flipsAt(run).length, run.type).toBeGreaterThan(2);
  });
});

describe("Encog's RPROPm and iRPROPm", () => {
  it("are the same algorithm: iRPROPm's weights, Δ and stored gradients equal RPROPm's at every iteration", () => {
    expect(iRpropMinus.iterations).toEqual(rpropMinus.iterations);
    // iRPROPm zeroes the stored gradient at a flip, then overwrites it: it is never 0 after one.
    for (const k of flipsAt(iRpropMinus)) {
      const it = iRpropMinus.iterations[k - 1]!;
      expect(it.lastGradient, `iteration ${k}`).toEqual(it.gradient);
      expect(it.lastGradient.every((g) => g !== 0), `iteration ${k}`).toBe(true);
    }
  });

  it('ignore the initial update: with 0.05 and with 0.3 every iteration is the same', () => {
    expect(rpropMinusOtherUpdate.iterations.map((it) => it.updateValues[0])).toEqual(rpropMinusOtherUpdate.iterations.map(() => 0.3));
    const withoutUpdateValues = (run: EncogRun): unknown[] => run.iterations.map(({ updateValues: _, ...rest }) => rest);
    expect(withoutUpdateValues(rpropMinusOtherUpdate)).toEqual(withoutUpdateValues(rpropMinus));
  });

  it('take a first step of Δmin (1e-6), not the initial update: Δ starts at 0 and is raised to Δmin', () => {
    const first = rpropMinus.iterations[0]!;
    expect(first.lastDelta).toEqual(rec.init.map(() => o.deltaMin));
    expect(first.weights).toEqual(rec.init.map((w, i) => w + Math.sign(first.gradient[i]!) * o.deltaMin));
    // From Δmin, η+ = 1.2 takes ⌈log(0.05 / 1e-6) / log 1.2⌉ = 60 same-sign steps to reach 0.05; the
    // overshoot came first, so Δ never reached the initial update in this run.
    const largest = Math.max(...rpropMinus.iterations.flatMap((it) => it.lastDelta));
    expect(largest).toBeLessThan(rpropMinus.initialUpdate / 10);
  });

  it("are this library's 'rprop-' started at lr = Δmin, bit for bit: weights and Δ at every iteration", () => {
    expect(toleranceActedAt(rpropMinus)).toEqual([]); // Encog's signs were exact signs throughout
    const ours = trainOurs(rec, 'rprop-', o.deltaMin, N);
    expect(ours.weights).toEqual(weightsOf(rpropMinus));
    expect(ours.stepSizes).toEqual(rpropMinus.iterations.map((it) => it.lastDelta));
  });

  it("differ from this library's 'rprop-' given the initial update as lr at the first step", () => {
    const [ours] = trainOurs(rec, 'rprop-', rpropMinus.initialUpdate, 1).weights;
    const first = rpropMinus.iterations[0]!;
    expect(ours).toEqual(rec.init.map((w, i) => w + Math.sign(first.gradient[i]!) * rpropMinus.initialUpdate));
    ours!.forEach((w, i) => expect(w, `weight ${i}`).not.toBe(first.weights[i]));
  });
});

describe("Encog's RPROPp and iRPROPp (the npm port)", () => {
  it('iRPROPp never backtracks: the error it compares with the last one is that last one itself', () => {
    iRpropPlus.iterations.slice(1).forEach((it, k) => expect(it.error, `iteration ${k + 2}`).toBe(it.lastError));
    // Where a flip came with a higher loss (iRprop+ would take the last step back) Encog stayed put.
    const before = weightsBefore(rec, iRpropPlus);
    const lossRoseAtFlip = flipsAt(iRpropPlus).filter((k) => k >= 2 && encogLoss(rec, before[k - 1]!) > encogLoss(rec, before[k - 2]!));
    expect(lossRoseAtFlip.length).toBeGreaterThan(0);
    for (const k of lossRoseAtFlip) {
      const it = iRpropPlus.iterations[k - 1]!;
      const stored = iRpropPlus.iterations[k - 2]!.lastGradient;
      it.gradient.forEach((g, i) => {
        if (g * stored[i]! < 0) expect(it.weights[i], `iteration ${k}, weight ${i}`).toBe(before[k - 1]![i]);
      });
    }
  });

  it("iRPROPp is this library's 'irprop-' (lr = initial update) bit for bit; our 'irprop+' backtracks instead", () => {
    expect(toleranceActedAt(iRpropPlus)).toEqual([]);
    const ours = trainOurs(rec, 'irprop-', iRpropPlus.initialUpdate, N);
    expect(ours.weights).toEqual(weightsOf(iRpropPlus));
    expect(ours.stepSizes).toEqual(iRpropPlus.iterations.map((it) => it.updateValues));
    // Our iRprop+ takes iteration 1's step back at iteration 2 (a flip, the loss up), as Encog's RPROPp does.
    const oursPlus = trainOurs(rec, 'irprop+', iRpropPlus.initialUpdate, 2).weights;
    expect(encogLoss(rec, iRpropPlus.iterations[0]!.weights)).toBeGreaterThan(encogLoss(rec, rec.init));
    expect(oursPlus[1]).toEqual(rpropPlus.iterations[1]!.weights);
    expect(oursPlus[1]).not.toEqual(iRpropPlus.iterations[1]!.weights);
  });

  it("RPROPp is this library's 'rprop+' (lr = initial update) bit for bit, until the gradient is within Encog's zero tolerance", () => {
    const ours = trainOurs(rec, 'rprop+', rpropPlus.initialUpdate, N);
    const [first] = toleranceActedAt(rpropPlus);
    expect(first).toBeDefined();
    const agreed = first! - 1;
    expect(flipsAt(rpropPlus).filter((k) => k <= agreed).length).toBeGreaterThan(2); // backtracking included
    expect(ours.weights.slice(0, agreed)).toEqual(weightsOf(rpropPlus).slice(0, agreed));
    expect(ours.stepSizes.slice(0, agreed)).toEqual(rpropPlus.iterations.slice(0, agreed).map((it) => it.updateValues));
    // From there Encog reads a gradient of ~1e-17 as 0 and never moves again; ours still follows its sign.
    const stuck = weightsOf(rpropPlus)[agreed - 1];
    expect(weightsOf(rpropPlus).slice(agreed)).toEqual(weightsOf(rpropPlus).slice(agreed).map(() => stuck));
    expect(ours.weights[agreed]).not.toEqual(stuck);
  });
});

import { describe, expect, it } from 'vitest';
import { trainOurs } from './encog-ours.js';
import { encogGradient, encogLoss, encogRun, loadEncogRecording, weightsBefore } from './encog-recording.js';
import { flippedAt, flipsAt, toleranceActedAt } from './encog-signs.js';

/**
 * Encog's RPROPp and iRPROPp beside this library's 'rprop+' and 'irprop+', on the recordings of
 * encog-rprop.test.ts (see there). Both Encogs start these at the initial update, and RPROPp follows
 * ours until Encog's zero tolerance acts; iRPROPp is iRprop+ in Java but never backtracks in the npm port.
 */

const npm = loadEncogRecording('npm');
const java = loadEncogRecording('java');

describe.each([npm, java])('$source RPROPp', (rec) => {
  const run = encogRun(rec, 'RPROPp', 0.05);
  const weightsOf = run.iterations.map((it) => it.weights);

  it("is this library's 'rprop+' (lr = initial update) bit for bit, until a gradient is within Encog's zero tolerance", () => {
    const ours = trainOurs(rec, 'rprop+', run.initialUpdate, run.iterations.length);
    const [first] = toleranceActedAt(rec, run);
    expect(first).toBeDefined();
    const agreed = first! - 1;
    expect(flipsAt(run).filter((k) => k <= agreed).length).toBeGreaterThan(2); // backtracking included
    expect(ours.weights.slice(0, agreed)).toEqual(weightsOf.slice(0, agreed));
    expect(ours.stepSizes.slice(0, agreed)).toEqual(run.iterations.slice(0, agreed).map((it) => it.updateValues));
    // From there Encog reads a gradient of ~1e-17 as 0 and never moves again; ours follows its sign.
    expect(Math.max(...run.iterations[agreed]!.gradient.map(Math.abs))).toBeLessThan(rec.options.signZeroTolerance);
    const stuck = weightsOf[agreed - 1];
    expect(weightsOf.slice(agreed)).toEqual(weightsOf.slice(agreed).map(() => stuck));
    expect(ours.weights[agreed]).not.toEqual(stuck);
  });
});

describe(`${npm.source} iRPROPp`, () => {
  const run = encogRun(npm, 'iRPROPp', 0.05);
  const before = weightsBefore(npm, run);

  it('never backtracks: the error it compares with the last one is that last one itself', () => {
    run.iterations.slice(1).forEach((it, k) => expect(it.error, `iteration ${k + 2}`).toBe(it.lastError));
    // Where a flip came with a higher loss (iRprop+ would take the last step back) it left the weight.
    const lossRoseAtFlip = flipsAt(run).filter((k) => k >= 2 && encogLoss(npm, before[k - 1]!) > encogLoss(npm, before[k - 2]!));
    expect(lossRoseAtFlip.length).toBeGreaterThan(0);
    for (const k of lossRoseAtFlip) {
      run.iterations[k - 1]!.weights.forEach((w, i) => {
        if (flippedAt(run, k, i)) expect(w, `iteration ${k}, weight ${i}`).toBe(before[k - 1]![i]);
      });
    }
  });

  it("is this library's 'irprop-' (lr = initial update) bit for bit, not its 'irprop+'", () => {
    expect(toleranceActedAt(npm, run)).toEqual([]);
    const ours = trainOurs(npm, 'irprop-', run.initialUpdate, run.iterations.length);
    expect(ours.weights).toEqual(run.iterations.map((it) => it.weights));
    expect(ours.stepSizes).toEqual(run.iterations.map((it) => it.updateValues));
    // Iteration 2 is a flip with the loss up: our iRprop+ takes iteration 1's step back, as Rprop+ does.
    expect(encogLoss(npm, before[1]!)).toBeGreaterThan(encogLoss(npm, before[0]!));
    const [, oursPlus] = trainOurs(npm, 'irprop+', run.initialUpdate, 2).weights;
    expect(oursPlus).toEqual(encogRun(npm, 'RPROPp', 0.05).iterations[1]!.weights);
    expect(oursPlus).not.toEqual(run.iterations[1]!.weights);
  });
});

describe(`${java.source} iRPROPp`, () => {
  const run = encogRun(java, 'iRPROPp', 0.05);
  const before = weightsBefore(java, run);

  it("compares the error at the weights before this iteration's update with the last iteration's", () => {
    run.iterations.forEach((it, k) => {
      const error = encogGradient(java, before[k]!)[2]!; // the bias neuron's gradient is t − y itself
      expect(it.error, `iteration ${k + 1}`).toBe(error * error); // Encog's MSE over one output
      expect(it.lastError, `iteration ${k + 1}`).toBe(k === 0 ? 'Infinity' : run.iterations[k - 1]!.error);
    });
  });

  it("is this library's 'irprop+' (lr = initial update) bit for bit, backtracking where the loss rose at a flip", () => {
    expect(toleranceActedAt(java, run)).toEqual([]);
    const ours = trainOurs(java, 'irprop+', run.initialUpdate, run.iterations.length);
    expect(ours.weights).toEqual(run.iterations.map((it) => it.weights));
    expect(ours.stepSizes).toEqual(run.iterations.map((it) => it.updateValues));
    // It did backtrack: at iteration 2 (a flip, the loss up) back to the weights of Rprop+.
    expect(run.iterations[1]!.weights).toEqual(encogRun(java, 'RPROPp', 0.05).iterations[1]!.weights);
    expect(run.iterations[1]!.weights).not.toEqual(encogRun(npm, 'iRPROPp', 0.05).iterations[1]!.weights);
  });
});

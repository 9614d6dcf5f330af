import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { derivativeCases, type DerivativeCase } from './fann-derivative-cases.js';
import { fannGradient, loadFannRecording, weightsBeforeEachEpoch } from './fann-recording.js';

/**
 * The README ("Where other implementations differ"): FANN's iRprop− moves the weight by +Δ whenever
 * the derivative is zero, including at every sign flip (libfann/fann#85). Checked on a run of FANN 2.2
 * itself (fixtures/others-fann/zero-slope.json): a linear net whose weight 1 only ever sees an input of
 * 0, so its derivative is exactly 0 at every epoch, and whose weight 0 and bias (weight 2) overshoot
 * and flip. FANN's derivatives are replayed through this library's Rprop ('irprop-', FANN's Δ0, η±,
 * Δmin, Δmax). No libfann is needed here: only the recording.
 */

const rec = loadFannRecording();
const o = rec.options;
const OPTIONS = {
  variant: 'irprop-',
  lr: o.deltaZero,
  etas: [o.decreaseFactor, o.increaseFactor],
  stepSizes: [o.deltaMin, o.deltaMax],
  maximize: false,
} as const;
const before = weightsBeforeEachEpoch(rec);
const gradients = before.map((w) => fannGradient(rec, w));
const cases = derivativeCases(gradients);
const f = Math.fround;
const at = (k: number, i: number): string => `epoch ${k + 1}, weight ${i} (${cases[k]![i]})`;

/** Every (epoch, weight) of the recording. */
const cells = before.flatMap((w, k) => w.map((_, i) => [k, i] as const));

/** FANN's Δ before epoch k: Δ0 (fann_clear_train_arrays), then the Δ of the epoch before. */
function fannStepBefore(k: number): number[] {
  return k === 0 ? rec.init.map(() => o.deltaZero) : rec.epochs[k - 1]!.stepSizes;
}

describe('the recording', () => {
  it("holds FANN's derivatives: the slope it stored is −∂E/∂w bit for bit, except 0 at a flip", () => {
    const comparedNonZero = new Set<number>();
    for (const [k, i] of cells) {
      const stored = rec.epochs[k]!.slopes[i]!;
      const want = cases[k]![i] === 'flip' ? 0 : -gradients[k]![i]! + 0; // + 0: −0 as FANN's 0
      expect(stored, at(k, i)).toBe(want);
      if (stored !== 0) comparedNonZero.add(i);
    }
    expect([...comparedNonZero].sort()).toEqual([0, 2]); // not only zeros: weight 0 and the bias
  });

  it('holds a derivative that is always exactly 0 (weight 1), and sign flips of the others', () => {
    expect(cases.map((c) => c[1])).toEqual(cases.map(() => 'zero'));
    expect(cases.filter((c) => c[0] === 'flip').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c[2] === 'flip').length).toBeGreaterThan(0);
  });
});

describe("FANN's iRprop− beside ours on the same derivatives", () => {
  it('where the derivative is 0, and at every sign flip, FANN moved the weight by +Δ; ours left it', () => {
    const w = { data: Float32Array.from(rec.init), grad: new Float32Array(3) };
    const opt = new Rprop([w], OPTIONS);
    const counted: Record<DerivativeCase, number> = { zero: 0, flip: 0, fresh: 0, same: 0 };
    for (const [k, g] of gradients.entries()) {
      const ours = Array.from(w.data);
      w.grad.set(g);
      opt.step();
      for (const [i, gi] of g.entries()) {
        const [fannFrom, fannTo, fannStep] = [before[k]![i]!, rec.epochs[k]!.weights[i]!, rec.epochs[k]!.stepSizes[i]!];
        if (cases[k]![i] === 'zero' || cases[k]![i] === 'flip') {
          expect(fannStep, at(k, i)).toBeGreaterThan(0);
          expect(fannTo, at(k, i)).toBe(f(fannFrom + fannStep));
          expect(w.data[i], at(k, i)).toBe(ours[i]);
        } else {
          // Elsewhere both step against the derivative (by Δs that differ: see below).
          expect(Math.sign(fannTo - fannFrom), at(k, i)).toBe(-Math.sign(gi));
          expect(Math.sign(w.data[i]! - ours[i]!), at(k, i)).toBe(-Math.sign(gi));
        }
        counted[cases[k]![i]!]++;
      }
    }
    expect(counted.zero).toBe(gradients.length);
    expect(counted.flip).toBeGreaterThan(1);
  });

  it("from FANN's own state: same-sign steps agree bit for bit; wherever the product of derivatives is 0, FANN grows Δ by η+ and ours keeps it", () => {
    const seen = new Set<DerivativeCase>();
    const grown = (d: number): number => Math.min(f(d * f(o.increaseFactor)), o.deltaMax);
    for (const [k, g] of gradients.entries()) {
      const w = { data: Float32Array.from(before[k]!), grad: Float32Array.from(g) };
      const opt = new Rprop([w], OPTIONS);
      // FANN's stored slope, as the derivative ours stores (0 after a flip in both).
      const prev = k === 0 ? g.map(() => 0) : rec.epochs[k - 1]!.slopes.map((s) => -s + 0);
      opt.loadStateDict({ state: { 0: { prev, stepSize: fannStepBefore(k) } }, paramGroups: [{ params: [0], ...OPTIONS }] });
      opt.step();
      const oursStep = opt.stateDict().state['0']!.stepSize as number[];
      for (const [i, gi] of g.entries()) {
        const [from, step] = [before[k]![i]!, fannStepBefore(k)[i]!];
        const [fannTo, fannStep] = [rec.epochs[k]!.weights[i]!, rec.epochs[k]!.stepSizes[i]!];
        // FANN uses max(Δ, 0.0001): with every Δ above it here, that floor never acted.
        expect(step, at(k, i)).toBeGreaterThan(0.0001);
        const c = cases[k]![i]!;
        seen.add(c);
        if (c === 'same') {
          expect([w.data[i], oursStep[i]], at(k, i)).toEqual([fannTo, fannStep]);
        } else if (c === 'flip') {
          // Both shrink Δ alike; FANN moves the weight up by it, ours does not move it.
          expect([oursStep[i], fannStep], at(k, i)).toEqual([f(step * o.decreaseFactor), f(step * o.decreaseFactor)]);
          expect([w.data[i], fannTo], at(k, i)).toEqual([from, f(from + fannStep)]);
        } else {
          // 'zero' and 'fresh' (first epoch, or after a flip): FANN grows Δ, ours keeps it. At 'zero'
          // FANN moves the weight up by it and ours stays; at 'fresh' both step against the derivative.
          expect([oursStep[i], fannStep], at(k, i)).toEqual([step, grown(step)]);
          const direction = c === 'zero' ? [0, 1] : [-Math.sign(gi), -Math.sign(gi)];
          expect([w.data[i], fannTo], at(k, i)).toEqual([f(from + direction[0]! * step), f(from + direction[1]! * fannStep)]);
        }
      }
    }
    expect([...seen].sort()).toEqual(['flip', 'fresh', 'same', 'zero']);
  });
});

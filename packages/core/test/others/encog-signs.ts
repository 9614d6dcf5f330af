import type { EncogRecording, EncogRun } from './encog-recording.js';

/** The gradient Encog had stored before iteration k (from 0): none (0) before the first. */
function storedBefore(run: EncogRun, k: number): number[] {
  return k === 0 ? run.iterations[0]!.gradient.map(() => 0) : run.iterations[k - 1]!.lastGradient;
}

/** Iterations (from 1) where some weight's gradient has the sign opposite to the one Encog stored before. */
export function flipsAt(run: EncogRun): number[] {
  return run.iterations.flatMap((it, k) => {
    const stored = storedBefore(run, k);
    return it.gradient.some((g, i) => g * stored[i]! < 0) ? [k + 1] : [];
  });
}

/** Whether weight i flipped at iteration k (from 1). */
export function flippedAt(run: EncogRun, k: number, i: number): boolean {
  return run.iterations[k - 1]!.gradient[i]! * storedBefore(run, k - 1)[i]! < 0;
}

/**
 * Iterations (from 1) where Encog's EncogMath.sign read 0 for a value that is not 0: a gradient, or its
 * product with the stored one, within `signZeroTolerance` of 0. There Encog does not move the weight
 * (or takes a flip for no information) where an exact sign would.
 */
export function toleranceActedAt(rec: EncogRecording, run: EncogRun): number[] {
  const tiny = (v: number): boolean => v !== 0 && Math.abs(v) < rec.options.signZeroTolerance;
  return run.iterations.flatMap((it, k) => {
    const stored = storedBefore(run, k);
    return it.gradient.some((g, i) => tiny(g) || tiny(g * stored[i]!)) ? [k + 1] : [];
  });
}

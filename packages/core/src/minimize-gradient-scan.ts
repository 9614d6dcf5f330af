/**
 * `minimize`'s one pass over a gradient just evaluated: the first non-finite derivative, max |∂f/∂xᵢ|,
 * and which coordinates' derivatives flip sign now. It was three passes (the SIMD check through a
 * copy, a `Math.max` loop, and a `Math.sign` loop over g and the rule's stored derivative gp). At 10⁶
 * coordinates, inside a run on a shared 2-core machine, they took ≈5–6 ms per step and this one ≈3.5–5:
 * minimize's own time per step fell 4–14 % (medians of paired runs, CPU time). Most of the rest is
 * the step, which copies its buffers through the kernels' memory (see minimize.ts on why).
 *
 * It needs no gp. A coordinate that has never flipped has had s = sign(g)·sign(gp) ≥ 0 at every
 * step, and on s ≥ 0 every variant stores the derivative it stepped on as gp (−g when maximizing).
 * So for such a coordinate "flips now" — `sense`·sign(g)·sign(gp) < 0, as it was written — is the
 * sign of g opposite to the sign of g at the previous evaluation, whatever `sense`: that sign is
 * kept in `flipped` itself (1 byte) instead of reading gp (8 bytes) each step. A flipped coordinate
 * needs no sign: it stays flipped.
 */

// `flipped[i]` 0: never flipped, and its derivative at the last evaluation was 0 (or there was none).
/** `flipped[i]`: never flipped, and its derivative at the last evaluation was > 0. */
const POSITIVE = 1;
/** `flipped[i]`: never flipped, and its derivative at the last evaluation was < 0. */
const NEGATIVE = 2;
/** `flipped[i]`: it flipped at an evaluation before the latest. */
export const FLIPPED_BEFORE = 3;
/**
 * `flipped[i]`: it first flipped at the latest evaluation. Kept apart from FLIPPED_BEFORE because the
 * stopping tests made at that evaluation, before its step, count only the earlier flips (they ran
 * before the flips were noted); the tests after the step count both.
 */
export const FLIPPED_NOW = 4;

/** Which flips a stopping test counts: those before the latest evaluation, or those up to it too. */
export type FlipsCounted = typeof FLIPPED_BEFORE | typeof FLIPPED_NOW;

/** Whether `flipped[i]` = `mark` counts as flipped for a test that counts flips up to `latest`. */
export function hasFlipped(mark: number, latest: FlipsCounted): boolean {
  return mark >= FLIPPED_BEFORE && mark <= latest;
}

/** One scan of `minimize`'s gradient; `gMax` holds the result besides the index `scan` returns. */
export class GradientScan {
  /** Per coordinate: 0, POSITIVE or NEGATIVE (never flipped, by the sign last seen), FLIPPED_BEFORE or FLIPPED_NOW. */
  readonly flipped: Uint8Array;
  /** max |∂f/∂xᵢ| over the gradient last scanned (valid when the scan found it finite). */
  gMax = 0;

  constructor(n: number) {
    this.flipped = new Uint8Array(n); // 0: no derivative seen yet, as gp starts at 0
  }

  /**
   * Scans `grad`: returns the index of its first NaN or ±Infinity, or −1 with `gMax` set. Marks
   * FLIPPED_NOW the coordinates whose derivative flips sign now, and turns the last scan's FLIPPED_NOW
   * into FLIPPED_BEFORE. Call it once per evaluation, on the gradient the next step takes. Having
   * found a non-finite derivative it leaves the marks half done: the run stops there.
   */
  scan(grad: Float64Array): number {
    const flipped = this.flipped;
    let m = 0;
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i]!;
      // g − g is 0 for every finite g and NaN for NaN and ±Infinity.
      if (g - g !== 0) return i;
      // `a > m` gives what Math.max(m, a) gave: both are finite, and a is never −0.
      const a = Math.abs(g);
      if (a > m) m = a;
      const mark = flipped[i]!;
      // POSITIVE (1), NEGATIVE (2) or 0 (−0 too: Math.sign(−0) made no flip either) from the two
      // comparisons as bits, and every byte written: branching on the sign, and writing only the bytes
      // that change, measured ≈0.4–0.9 ms slower per step at 10⁶ (the signs vary from one coordinate
      // to the next, and the branches mispredict).
      const sign = +(g > 0) | (+(g < 0) << 1);
      // POSITIVE | NEGATIVE: the sign seen last time and this one are opposite.
      flipped[i] = mark >= FLIPPED_BEFORE ? FLIPPED_BEFORE : (mark | sign) === (POSITIVE | NEGATIVE) ? FLIPPED_NOW : sign;
    }
    this.gMax = m;
    return -1;
  }
}

import { counted, describe } from './errors.js';

/**
 * `minimize`'s box bounds, as projection: Rprop steps as if unbounded, then every coordinate is put
 * back into [lowerᵢ, upperᵢ]. Checking them, the projection, and the KKT test for a coordinate held
 * at a bound live here, so that `minimize` reads the same with and without them, and runs without
 * them exactly as it did: no clamping loop, no projected gradient.
 */

/** The checked bounds, one lower and one upper per coordinate (±Infinity for none). */
export interface Box {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * `bounds` as a Box for the start `x`, or undefined when there are none (undefined or null: the
 * unbounded path then stays exactly as it was, without a clamping loop). Throws a TypeError or
 * RangeError naming the first bad pair by index: a length that is not x0's, a pair that is not two
 * numbers, NaN, lower = +∞ or upper = −∞ (no x satisfies it), lower > upper, and an x0 outside its
 * pair — refused, not clipped: a start nobody gave would be taken without a word, and a start
 * outside is more often a pair in the wrong place than a guess to be corrected.
 */
export function boxFor(bounds: unknown, x: Float64Array): Box | undefined {
  if (bounds === undefined || bounds === null) return undefined;
  const n = x.length;
  if (typeof bounds !== 'object' || typeof (bounds as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`minimize: bounds must be an array of [lower, upper] pairs, one per coordinate of x0, got ${describe(bounds)}`);
  }
  const given = bounds as ArrayLike<unknown>;
  if (given.length !== n) {
    throw new RangeError(`minimize: bounds must have one [lower, upper] pair per coordinate of x0 (${n}), got ${given.length}`);
  }
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = given[i] as ArrayLike<unknown> | null | undefined;
    if (typeof p !== 'object' || p === null || p.length !== 2) {
      throw new TypeError(`minimize: bounds[${i}] must be a pair [lower, upper] of numbers (±Infinity for none), got ${describe(p)}`);
    }
    const lo = bound(p[0], i, 0);
    const hi = bound(p[1], i, 1);
    if (lo > hi) throw new RangeError(`minimize: bounds[${i}] must satisfy lower ≤ upper, got ${describe([lo, hi])}`);
    if (!(x[i]! >= lo && x[i]! <= hi)) throw new RangeError(`minimize: x0 is ${describe(x[i])} at index ${i}, outside its bounds ${describe([lo, hi])}`);
    lower[i] = lo;
    upper[i] = hi;
  }
  return { lower, upper };
}

function bound(value: unknown, i: number, side: 0 | 1): number {
  const name = `minimize: bounds[${i}][${side}] (${side === 0 ? 'lower' : 'upper'})`;
  const none = side === 0 ? '-Infinity' : 'Infinity';
  // null is what JSON makes of ±Infinity and of NaN alike: which one was meant cannot be told.
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number (${none} for none), got ${describe(value)}`);
  if (Number.isNaN(value)) throw new RangeError(`${name} must be a number (${none} for none), got NaN`);
  if (value === (side === 0 ? Infinity : -Infinity)) throw new RangeError(`${name} must be ${side === 0 ? '< Infinity' : '> -Infinity'}: no x lies within it, got ${describe(value)}`);
  return value;
}

/**
 * The bounds' part of one `minimize` run, over minimize's own x and grad buffers: the projection after
 * each step, and which coordinates are held at a bound (KKT) at the point last evaluated.
 */
export class BoundedRun {
  /** How many coordinates are held at a bound at the point last evaluated. */
  atBound = 0;
  private readonly pinned: Uint8Array;
  private readonly before: Float64Array;
  private readonly heldOrFlat: (i: number) => boolean;

  constructor(
    private readonly box: Box,
    private readonly x: Float64Array,
    private readonly grad: Float64Array,
    private readonly sense: number,
  ) {
    this.pinned = new Uint8Array(x.length);
    this.before = new Float64Array(x.length);
    this.heldOrFlat = (i) => this.pinned[i] === 1 || grad[i] === 0;
  }

  /**
   * At each evaluation: marks the coordinates held at a bound — at its lower bound with the rule's
   * derivative (sense·g, sense = −1 when maximizing) pushing it lower, at its upper bound pushing it
   * higher, or fixed by lower = upper — and returns the largest |∂f/∂xᵢ| over the others: the
   * projected gradient's ∞-norm, for the gradient test.
   */
  projectedGradient(): number {
    const { box: { lower, upper }, x, grad, sense, pinned } = this;
    let count = 0;
    let m = 0;
    for (let i = 0; i < x.length; i++) {
      const g = sense * grad[i]!;
      const held = lower[i] === upper[i] || (x[i] === lower[i] && g > 0) || (x[i] === upper[i] && g < 0);
      pinned[i] = held ? 1 : 0;
      if (held) count++;
      else m = Math.max(m, Math.abs(grad[i]!));
    }
    this.atBound = count;
    return m;
  }

  /**
   * The coordinates that have settled whatever their Δ, for the step-size tests: those held at a bound
   * (their Δ, never cut while held, says nothing), and while any is held those whose derivative is
   * exactly 0 — with a coordinate held, the others often come to rest there (y = x² with x held), where
   * Rprop neither moves them nor cuts their Δ, and the run would stall. With none held it is undefined:
   * the unbounded rule, so bounds that never bind change nothing.
   */
  exempt(): ((i: number) => boolean) | undefined {
    return this.atBound === 0 ? undefined : this.heldOrFlat;
  }

  /** For a convergence message: ', except at 2 coordinates held at a bound', or '' for none. */
  note(): string {
    return this.atBound === 0 ? '' : `, except at ${counted(this.atBound, 'coordinate')} held at a bound`;
  }

  /** Just before a step: remembers x, the point the step starts from. */
  beforeStep(): void {
    this.before.set(this.x);
  }

  /**
   * Just after a step: puts every coordinate of x back into the box and, for the + variants, makes
   * `prevUpdate` (dw) the change actually applied, so that a later backtrack w ← w − dw returns to the
   * point the step started from (in the box), not to one beyond the bound the rule aimed at. A
   * coordinate whose dw the rule left 0 — it flipped sign (and maybe took its last step back), or its
   * derivative is 0 — keeps dw = 0: its move was no step of its own. A coordinate the box did not
   * stop keeps the rule's own dw, not (before + dw) − before, which can differ in the last bit: bounds
   * that never bind must leave the run bit for bit as it was. A backtrack is clamped too, because
   * x − (x − before) can round to a hair beyond a bound when before and x are far apart.
   */
  project(prevUpdate: Float64Array | undefined): void {
    const { box: { lower, upper }, x, before } = this;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const clamped = v < lower[i]! ? lower[i]! : v > upper[i]! ? upper[i]! : v;
      if (clamped === v) continue;
      x[i] = clamped;
      if (prevUpdate !== undefined && prevUpdate[i] !== 0) prevUpdate[i] = clamped - before[i]!;
    }
  }
}

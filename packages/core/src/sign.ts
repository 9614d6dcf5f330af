/**
 * sign(x) as PyTorch's `torch.sign`: +1, −1, or +0 for both zeros (Math.sign(-0) would give −0, which
 * changes the sign of a zero result in `w − sign(g)·Δ` when w = −0).
 */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Rounds to the buffer's precision: Math.fround for float32, identity for float64. */
export type Round = (x: number) => number;

const identity: Round = (x) => x;

/** The rounding of one elementary operation stored into `a`'s element type. */
export function roundingOf(a: Float32Array | Float64Array): Round {
  return a instanceof Float32Array ? Math.fround : identity;
}

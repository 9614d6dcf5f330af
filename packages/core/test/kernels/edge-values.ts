import fc from 'fast-check';
import type { Dtype } from '../properties/arbitraries.js';

/** Kinds of values to draw besides the edge cases: NaN, ±Infinity, or only values ≥ +0 (no −0). */
export interface EdgeKinds {
  nan?: boolean;
  infinite?: boolean;
  nonNegative?: boolean;
}

/**
 * Values that break naive kernels — signed zeros, subnormals, extremes — among ordinary numbers over
 * 24 decades, plus the `kinds` asked for.
 */
export function edgeValue(d: Dtype, options: EdgeKinds = {}): fc.Arbitrary<number> {
  const f32 = d === 'float32';
  const specials = f32
    ? [0, -0, 1e-45, -1e-45, 1.1754942e-38, -1e-40, 3.4028235e38, -3.4028235e38, 1e-30, 1, -1]
    : [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, -1e-310, 1.7976931348623157e308, -1e308, 1e-300, 1, -1];
  const ordinary = fc
    .tuple(fc.boolean(), fc.double({ min: -12, max: 12, noNaN: true }))
    .map(([neg, e]) => (neg ? -1 : 1) * 10 ** e);
  let value = fc.oneof({ weight: 6, arbitrary: ordinary }, { weight: 3, arbitrary: fc.constantFrom(...specials) });
  if (options.nan) value = fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(NaN) });
  if (options.infinite) value = fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) });
  const rounded = value.map((v) => (f32 ? Math.fround(v) : v));
  return options.nonNegative ? rounded.map((v) => (v < 0 ? -v : v + 0)) : rounded; // + 0: −0 becomes +0
}

/** Arrays of one length (0 to 70, so every remainder of the vector width occurs) of edge values. */
export function edgeArrays(d: Dtype, count: number, kinds: EdgeKinds[]) {
  return fc.integer({ min: 0, max: 70 }).chain((n) =>
    fc.tuple(...Array.from({ length: count }, (_, k) => fc.array(edgeValue(d, kinds[k] ?? {}), { minLength: n, maxLength: n }))),
  );
}

/** First index where two arrays are not identical (Object.is), or null. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `index ${i}: ${a[i]} ≠ ${b[i]}`;
  return null;
}

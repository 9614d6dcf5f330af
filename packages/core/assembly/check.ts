// The gradient check of a step: index of the first NaN or ±Infinity, or −1. x − x is +0 for every
// finite x and NaN otherwise, so a block's eight vectors of x − x are or-ed together (as a tree, so
// the ors do not wait on each other) and tested once; only a block that fails is searched element
// by element for the first bad index.
import { vsub } from './simd';

const BLOCK_BYTES: usize = 128;

@inline function firstNonFinite<T>(p: usize, n: i32): i32 {
  const size = <usize>sizeof<T>();
  const bytes = <usize>n * size;
  const blocks = bytes - bytes % BLOCK_BYTES;
  let o: usize = 0;
  for (; o < blocks; o += BLOCK_BYTES) {
    const a = p + o;
    const x0 = v128.load(a), x1 = v128.load(a, 16), x2 = v128.load(a, 32), x3 = v128.load(a, 48);
    const x4 = v128.load(a, 64), x5 = v128.load(a, 80), x6 = v128.load(a, 96), x7 = v128.load(a, 112);
    const lo = v128.or(v128.or(vsub<T>(x0, x0), vsub<T>(x1, x1)), v128.or(vsub<T>(x2, x2), vsub<T>(x3, x3)));
    const hi = v128.or(v128.or(vsub<T>(x4, x4), vsub<T>(x5, x5)), v128.or(vsub<T>(x6, x6), vsub<T>(x7, x7)));
    if (v128.any_true(v128.or(lo, hi))) break;
  }
  for (; o < bytes; o += size) {
    const x = load<T>(p + o);
    if (x - x != <T>0) return <i32>(o / size);
  }
  return -1;
}

export function firstNonFiniteF32(p: usize, n: i32): i32 {
  return firstNonFinite<f32>(p, n);
}

export function firstNonFiniteF64(p: usize, n: i32): i32 {
  return firstNonFinite<f64>(p, n);
}

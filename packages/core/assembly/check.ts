// The gradient check of a step: index of the first NaN or ±Infinity, or −1. x − x is 0 for every finite
// x and NaN otherwise, so one subtraction and one compare test a whole vector.
import { lanes, vne, vsplat, vsub } from './simd';

@inline function firstNonFinite<T>(p: usize, n: i32): i32 {
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = vsplat<T>(<T>0);
  let i = 0;
  for (; i + L <= n; i += L) {
    const x = v128.load(p + <usize>i * size);
    if (v128.any_true(vne<T>(vsub<T>(x, x), zero))) break;
  }
  for (; i < n; i++) {
    const x = load<T>(p + <usize>i * size);
    if (x - x != <T>0) return i;
  }
  return -1;
}

export function firstNonFiniteF32(p: usize, n: i32): i32 {
  return firstNonFinite<f32>(p, n);
}

export function firstNonFiniteF64(p: usize, n: i32): i32 {
  return firstNonFinite<f64>(p, n);
}

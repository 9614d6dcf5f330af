// Lane-generic wrappers over f32x4 / f64x2, resolved at compile time by sizeof<T>(), so each kernel is
// written once and instantiated for float32 and float64 with the same operation order.

@inline export function lanes<T>(): i32 { return 16 / <i32>sizeof<T>(); }
@inline export function vsplat<T>(x: T): v128 { return sizeof<T>() == 4 ? f32x4.splat(<f32>x) : f64x2.splat(<f64>x); }
@inline export function vadd<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.add(a, b) : f64x2.add(a, b); }
@inline export function vsub<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.sub(a, b) : f64x2.sub(a, b); }
@inline export function vmul<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.mul(a, b) : f64x2.mul(a, b); }
@inline export function vgt<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.gt(a, b) : f64x2.gt(a, b); }
@inline export function vlt<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.lt(a, b) : f64x2.lt(a, b); }
@inline export function vne<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.ne(a, b) : f64x2.ne(a, b); }
/** a < b ? b : a — the reference's `d < lo ? lo : d`, also for −0 (f32x4.max would turn −0 into +0). */
@inline export function vpmax<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.pmax(a, b) : f64x2.pmax(a, b); }
/** b < a ? b : a — the reference's `d > hi ? hi : d`. */
@inline export function vpmin<T>(a: v128, b: v128): v128 { return sizeof<T>() == 4 ? f32x4.pmin(a, b) : f64x2.pmin(a, b); }

/** Every lane's sign bit set (−0.0): xor negates, and keeps the sign. */
@inline export function signMask<T>(): v128 { return vsplat<T>(<T>-0.0); }
/**
 * Each lane all ones where its sign bit is set, else all zeros: an arithmetic shift for 32-bit lanes,
 * a signed compare with 0 for 64-bit ones (SSE has no 64-bit arithmetic shift, and V8's emulation of
 * i64x2.shr_s made the float64 kernels 10–14 % slower than pcmpgtq does, measured).
 */
@inline export function spreadSign<T>(x: v128): v128 { return sizeof<T>() == 4 ? i32x4.shr_s(x, 31) : i64x2.lt_s(x, i64x2.splat(0)); }

/** sign(x) per lane as torch.sign: ±1, and +0 for ±0. */
@inline export function vsign<T>(x: v128, zero: v128, one: v128, minusOne: v128): v128 {
  return v128.bitselect(one, v128.bitselect(minusOne, zero, vlt<T>(x, zero)), vgt<T>(x, zero));
}

/** Scalar sign, the same as vsign. */
@inline export function sign<T>(x: T): T { return x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : <T>0; }

/** Scalar clamp in the reference's order. */
@inline export function clamp<T>(d: T, lo: T, hi: T): T { return d < lo ? lo : d > hi ? hi : d; }

// A vectorised e^x for the activations (tanh, sigmoid) of the fused MLP kernel.

/**
 * e^x for four lanes: Cephes' expf (range reduction by ln 2 in two parts, degree-6 polynomial, 2^n
 * put into the exponent bits), with no table and no branch, so it vectorises (the experiment
 * bench/experiments/wasm-mlp-epoch measured its max relative error against Math.exp on [−20, 20]:
 * 7.6e-8, under one float32 ulp).
 *
 * Finite inputs are clamped to [−87, 88] so that 2^n stays a normal float: e^x then saturates
 * instead of turning into Infinity, and tanh and the sigmoid come out at their limits for large |z|.
 * The clamp is pmax/pmin with x FIRST: pmax(x, c) is `x < c ? c : x` and pmin(x, c) is
 * `c < x ? c : x`, both false for a NaN x, which is returned unchanged; the polynomial then makes the
 * result NaN. (Swapped, pmin(88, pmax(−87, x)) turns NaN into −87: checked, e^NaN came out 1.6e-38.) ±Infinity
 * IS clamped, to e^−87 or e^88: tanh and the sigmoid of an overflowed pre-activation saturate, as
 * TF.js's do (see `activate`).
 */
@inline export function expv(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.0)), f32x4.splat(88.0));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375))), f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.splat(1.9875691500e-4);
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, f32x4.mul(r, r)), r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

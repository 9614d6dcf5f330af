// The activations of the fused MLP kernel and their derivatives, four units at a time.
import { expv } from './expv';

/** Activation codes, as the layer table holds them (fused-layout.ts on the TypeScript side). */
export const LINEAR: i32 = 0;
export const TANH: i32 = 1;
export const SIGMOID: i32 = 2;
export const RELU: i32 = 3;

/**
 * f(z) per lane, returned, and f′(z) per lane, stored at `slopes` for the backward pass (not for
 * linear, whose f′ is 1 and never read). tanh as 2/(1 + e^(−2z)) − 1 (as FANN computes its symmetric
 * sigmoid, and as mlpGradients does on TF.js's wasm backend), the sigmoid as 1/(1 + e^(−z)), relu as
 * max(z, 0).
 *
 * f′ comes from z, through the same e = e^(−z) (e^(−2z) for tanh): σ′ = σ(z)·σ(−z) = a·(e·a) and
 * tanh′ = 4·σ(2z)·σ(−2z) = q·(e·q) with q = 2/(1 + e^(−2z)), no extra exp. Not 1 − a² or a(1 − a):
 * those cancel to exactly 0 once a rounds to ±1 (tanh at |z| ≳ 9, σ at z ≳ 17), and a saturated output
 * at the wrong extreme then gets a gradient of exactly 0, which Rprop, reading only signs, never leaves.
 * Through the exp's clamp (expv.ts) f′ stays positive for every finite z, at least ≈6e-39. relu′ = 1
 * where a > 0 (that is z > 0: TF.js's relu gradient, 0 at z = 0).
 *
 * A pre-activation of ±∞ (a sum that overflowed: weights and inputs are always finite here) saturates
 * as TF.js's ops do — tanh(±∞) = ±1, σ(+∞) = 1, σ(−∞) = 1/(1 + e^88) by the exp's clamp (TF.js: 0),
 * relu(+∞) = +∞, relu(−∞) = 0 — so both engines see the same loss, and the 0 · ∞ gradient downstream
 * stops the run as the TF.js engine's does. A NaN z stays NaN, in a and in f′: the clamp and pmax
 * pass it on.
 */
@inline export function activate(z: v128, activation: i32, slopes: usize): v128 {
  if (activation == LINEAR) return z;
  const one = f32x4.splat(1);
  let a: v128;
  if (activation == TANH) {
    const e = expv(f32x4.mul(z, f32x4.splat(-2)));
    const q = f32x4.div(f32x4.splat(2), f32x4.add(one, e)); // 2·σ(2z)
    a = f32x4.sub(q, one);
    v128.store(slopes, f32x4.mul(q, f32x4.mul(e, q))); // 2σ(2z)·2σ(−2z)
  } else if (activation == SIGMOID) {
    const e = expv(f32x4.neg(z));
    a = f32x4.div(one, f32x4.add(one, e));
    v128.store(slopes, f32x4.mul(a, f32x4.mul(e, a))); // σ(z)·σ(−z)
  } else {
    a = f32x4.pmax(z, f32x4.splat(0)); // z < 0 ? 0 : z, which keeps a NaN z
    v128.store(slopes, v128.and(one, f32x4.gt(a, f32x4.splat(0))));
  }
  return a;
}

/**
 * δ = g · f′(z) per lane, f′ as `activate` stored it at `slopes`; linear′ = 1. Multiplied, not
 * masked, so a NaN g stays NaN.
 */
@inline export function derivative(g: v128, slopes: usize, activation: i32): v128 {
  if (activation == LINEAR) return g;
  return f32x4.mul(g, v128.load(slopes));
}

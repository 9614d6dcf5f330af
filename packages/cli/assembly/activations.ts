// The activations of the fused MLP kernel and their derivatives, four units at a time.
import { expv } from './expv';

/** Activation codes, as the layer table holds them (fused-layout.ts on the TypeScript side). */
export const LINEAR: i32 = 0;
export const TANH: i32 = 1;
export const SIGMOID: i32 = 2;
export const RELU: i32 = 3;

/**
 * f(z) per lane. tanh as 2/(1 + e^(−2z)) − 1 (as FANN computes its symmetric sigmoid, and as
 * mlpGradients does on TF.js's wasm backend), the sigmoid as 1/(1 + e^(−z)), relu as max(z, 0).
 *
 * A pre-activation of ±∞ (a sum that overflowed: weights and inputs are always finite here) saturates
 * as TF.js's ops do — tanh(±∞) = ±1, σ(+∞) = 1, σ(−∞) = 1/(1 + e^88) by the exp's clamp (TF.js: 0),
 * relu(+∞) = +∞, relu(−∞) = 0 — so both engines see the same loss, and the 0 · ∞ gradient downstream
 * stops the run as the TF.js engine's does. A NaN z stays NaN: the clamp and pmax pass it on.
 */
@inline export function activate(z: v128, activation: i32): v128 {
  if (activation == LINEAR) return z;
  const one = f32x4.splat(1);
  let a: v128;
  if (activation == TANH) {
    a = f32x4.sub(f32x4.div(f32x4.splat(2), f32x4.add(one, expv(f32x4.mul(z, f32x4.splat(-2))))), one);
  } else if (activation == SIGMOID) {
    a = f32x4.div(one, f32x4.add(one, expv(f32x4.neg(z))));
  } else {
    a = f32x4.pmax(z, f32x4.splat(0)); // z < 0 ? 0 : z, which keeps a NaN z
  }
  return a;
}

/**
 * δ = g · f′(z) per lane, with f′ written through the activation's output a = f(z), which the
 * forward pass kept: tanh′ = 1 − a², σ′ = a(1 − a), relu′ = 1 where a > 0 (that is z > 0: TF.js's
 * relu gradient, 0 at z = 0), linear′ = 1. Multiplied, not masked, so a NaN g stays NaN.
 */
@inline export function derivative(g: v128, a: v128, activation: i32): v128 {
  if (activation == LINEAR) return g;
  const one = f32x4.splat(1);
  if (activation == TANH) return f32x4.mul(g, f32x4.sub(one, f32x4.mul(a, a)));
  if (activation == SIGMOID) return f32x4.mul(g, f32x4.mul(a, f32x4.sub(one, a)));
  return f32x4.mul(g, v128.and(one, f32x4.gt(a, f32x4.splat(0))));
}

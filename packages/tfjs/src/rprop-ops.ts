import * as tf from '@tensorflow/tfjs-core';
import type { RpropConstants, Variant } from 'rprop';
import type { SlotUpdate } from './slot-optimizer.js';

/**
 * One Rprop step with tf ops, for backends whose tensors JavaScript cannot reach (webgl, webgpu).
 * Same semantics as the core rules (DESIGN.md table), elementwise with `where` instead of branches.
 * Call inside tidy.
 */
export function rpropOps(variant: Variant, u: SlotUpdate, c: RpropConstants, lossIncreased: boolean): void {
  const { prev, stepSize, prevUpdate } = u.slots as Record<string, tf.Variable>;
  const g = c.maximize ? tf.neg(u.gradient) : u.gradient;
  const sg = tf.sign(g);
  const s = tf.mul(sg, tf.sign(prev!));
  const flip = tf.less(s, 0);
  const factor = tf.where(tf.greater(s, 0), tf.fill(s.shape, c.etaPlus), tf.where(flip, tf.fill(s.shape, c.etaMinus), tf.onesLike(s)));
  const d = clamp(tf.mul(stepSize!, factor), c.stepMin, c.stepMax);
  stepSize!.assign(d);
  const w = u.value;
  const zeros = tf.zerosLike(g);
  const moved = tf.sub(w, tf.mul(sg, d));
  if (variant === 'rprop-') {
    w.assign(moved);
    prev!.assign(g);
    return;
  }
  const kept = tf.where(flip, zeros, g);
  if (variant === 'irprop-') {
    w.assign(tf.where(flip, w, moved));
    prev!.assign(kept);
    return;
  }
  const change = tf.neg(tf.mul(sg, d));
  const revert = variant === 'rprop+' || lossIncreased;
  const back = revert ? tf.sub(w, prevUpdate!) : w;
  w.assign(tf.where(flip, back, tf.add(w, change)));
  prevUpdate!.assign(tf.where(flip, zeros, change));
  prev!.assign(kept);
}

/**
 * The core's clamp, `p < Δmin ? Δmin : p > Δmax ? Δmax : p`. tf.clipByValue computes it too, except
 * when Δmin === Δmax: then it returns Δmin everywhere, which differs where the bounds are zeros of
 * either sign (Δmin = −0, Δmax = +0 gives −0 where the core gives +0; Δmin = +0, Δmax = −0 gives +0
 * where the core gives −0 for p > 0), and Δ's sign decides the sign of a zero weight.
 */
function clamp(p: tf.Tensor, min: number, max: number): tf.Tensor {
  if (min !== max) return tf.clipByValue(p, min, max);
  return tf.where(tf.less(p, min), tf.fill(p.shape, min), tf.where(tf.greater(p, max), tf.fill(p.shape, max), p));
}

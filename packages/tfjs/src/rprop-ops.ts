import * as tf from '@tensorflow/tfjs-core';
import type { Variant } from 'rprop';
import type { RpropConstants } from 'rprop/rules';
import type { SlotUpdate } from './slot-optimizer.js';

/**
 * One Rprop step with tf ops, for backends whose tensors JavaScript cannot reach (webgl, webgpu).
 * Same semantics as the core rules (`rprop`'s src/rules), elementwise with `where` instead of branches.
 * Call inside tidy.
 */
export function rpropOps(variant: Variant, u: SlotUpdate, c: RpropConstants, lossIncreased: boolean): void {
  const { prev, stepSize, prevUpdate } = u.slots as Record<string, tf.Variable>;
  const g = c.maximize ? tf.neg(u.gradient) : u.gradient;
  const sg = tf.sign(g);
  const s = tf.mul(sg, tf.sign(prev!));
  const flip = tf.less(s, 0);
  const factor = tf.where(tf.greater(s, 0), tf.fill(s.shape, c.etaPlus), tf.where(flip, tf.fill(s.shape, c.etaMinus), tf.onesLike(s)));
  // The core's clamp. (tf.clipByValue returns Δmin everywhere when Δmin === Δmax, which differs only for
  // zeros of opposite sign: the bounds are never −0 — rpropConstantsFor takes −0 as +0 — and Δ never is.)
  const d = tf.clipByValue(tf.mul(stepSize!, factor), c.stepMin, c.stepMax);
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

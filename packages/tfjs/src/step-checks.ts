import type * as tf from '@tensorflow/tfjs-core';
import { describeValue, isTensorLike } from './describe-value.js';

/**
 * The checks a step makes on each (variable, gradient, slots) before anything changes. The fused
 * path runs over the variable's length on raw arrays, so a gradient or slot of another size would
 * be read past its end or leave values unread, silently; these turn that into an error.
 */

/** A shape as it is printed in messages: `[3, 4]`, `[]` for a scalar. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Throws unless the gradient is a live tensor, the variable and its gradient are float32 and the
 * gradient has the variable's size.
 * Its shape may differ: values are matched in order (the composed-ops path reshapes it).
 */
export function checkGradient(owner: string, name: string, value: tf.Variable, gradient: tf.Tensor): void {
  if (!isTensorLike(gradient)) {
    throw new TypeError(`${owner}: the gradient of '${name}' must be a tf.Tensor, got ${describeValue(gradient)}; nothing was changed`);
  }
  if (gradient.isDisposed) throw new Error(`${owner}: the gradient of '${name}' has been disposed; nothing was changed`);
  if (value.dtype !== 'float32' || gradient.dtype !== 'float32') {
    throw new TypeError(`${owner}: variable '${name}' is ${value.dtype} and its gradient ${gradient.dtype}; only float32 is supported; nothing was changed`);
  }
  if (gradient.size !== value.size) {
    throw new RangeError(
      `${owner}: the gradient of '${name}' has shape ${shapeText(gradient.shape)} (${gradient.size} values), the variable has shape ${shapeText(value.shape)} (${value.size}); nothing was changed`,
    );
  }
}

/**
 * Throws unless every slot is live and has the variable's shape. Slots are matched to variables by
 * position in the list of gradients (as TF.js's own optimizers match theirs), so a mismatch means this
 * optimizer was made for another list of variables, or given another list's weights by `setWeights`.
 * A disposed slot (`getWeights` returns the live slots, which a caller may dispose) would otherwise fail
 * mid-step with TF.js's bare TypeError, on the composed path after earlier variables were updated.
 */
export function checkSlots(owner: string, name: string, position: number, value: tf.Variable, slots: Record<string, tf.Variable>): void {
  for (const [slot, v] of Object.entries(slots)) {
    if (v.isDisposed) {
      throw new Error(
        `${owner}: the '${slot}' slot of variable '${name}' (position ${position}) has been disposed (getWeights returns the live slots, as TF.js's optimizers do); ` +
          'load new ones with setWeights or use a new optimizer; nothing was changed',
      );
    }
    if (v.shape.length === value.shape.length && v.shape.every((d, k) => d === value.shape[k])) continue;
    throw new RangeError(
      `${owner}: variable '${name}' (position ${position}) has shape ${shapeText(value.shape)}, but the '${slot}' slot at that position has shape ${shapeText(v.shape)}. ` +
        'Slots are matched to variables by position, so one optimizer instance serves one fixed list of variables, in one order ' +
        '(and setWeights must be given weights saved for that list); use a new optimizer for another list; nothing was changed',
    );
  }
}

/**
 * Throws unless the slots at `position` were made for the variable now there (`slotOwner`: the
 * variable they were made for, or undefined for slots loaded by setWeights, which the next step
 * binds by position). Without this, slots of one variable would silently drive another of the same
 * shape: a subset, another order, another model, or a new variable listed before the trained ones.
 */
export function checkSlotOwner(owner: string, name: string, position: number, slotOwner: string | undefined): void {
  if (slotOwner === undefined || slotOwner === name) return;
  throw new RangeError(
    `${owner}: variable '${name}' is at position ${position}, where this optimizer keeps the slots of variable '${slotOwner}'. ` +
      'Slots are matched to variables by position, so one optimizer instance serves one fixed list of variables, in one order; ' +
      'use a new optimizer for another list (a subset, another model); nothing was changed',
  );
}

import type * as tf from '@tensorflow/tfjs-core';
import { describeValue, isTensorLike } from './describe-value.js';

/** A variable's name with its gradient as `applyGradients` was given it (null or undefined: none). */
export type GradientEntry = readonly [string, tf.Tensor | null | undefined];

/**
 * The (name, gradient) pairs `applyGradients` was given, a map by variable name or an array of
 * { name, tensor }, or a TypeError naming what is not: without it, null or a bad entry fails inside
 * with a bare "Cannot convert undefined or null to object", and an entry without a name is reported
 * as a variable named 'undefined'. A null or missing gradient is kept (its variable is not updated,
 * as in TF.js's own optimizers); whether a gradient is a live tensor is checked with the rest of it.
 */
export function gradientEntries(owner: string, given: unknown): GradientEntry[] {
  const where = `${owner}.applyGradients`;
  if (Array.isArray(given)) {
    return given.map((entry: unknown, i) => {
      const e = entry as { name?: unknown; tensor?: tf.Tensor | null } | null;
      if (typeof e !== 'object' || e === null || isTensorLike(e)) throw new TypeError(`${where}: entry ${i} must be { name, tensor }, got ${describeValue(entry)}; nothing was changed`);
      if (typeof e.name !== 'string') throw new TypeError(`${where}: entry ${i} must have the variable's name as a string, got ${describeValue(e.name)}; nothing was changed`);
      return [e.name, e.tensor] as const;
    });
  }
  // A Map's or a Set's entries are not its properties: read as an object either is no gradients at
  // all, and the step would count an iteration (and, for Rprop's + variants, take the loss) having moved nothing.
  const hint = given instanceof Map ? ' (Object.fromEntries(map) makes one)' : given instanceof Set ? ' (Array.from(set) makes one)' : '';
  if (typeof given !== 'object' || given === null || isTensorLike(given) || hint !== '') {
    throw new TypeError(
      `${where}: expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got ${describeValue(given)}${hint}; nothing was changed`,
    );
  }
  return Object.entries(given as tf.NamedTensorMap);
}

/**
 * Throws a TypeError unless `weights` is an array of { name: string, tensor: tf.Tensor }, as
 * `getWeights` returns, naming the first entry that is not (TF.js would fail later on a missing
 * property with a bare TypeError, or read an array's `dtype` as undefined). `where`: `Owner.setWeights`.
 */
export function checkNamedTensors(where: string, weights: unknown): asserts weights is Array<{ name: string; tensor: tf.Tensor }> {
  if (!Array.isArray(weights)) {
    throw new TypeError(`${where}: expected the weights as getWeights() returns them, an array of { name, tensor }, got ${describeValue(weights)}; nothing was changed`);
  }
  weights.forEach((entry: unknown, i) => {
    const e = entry as { name?: unknown; tensor?: unknown } | null;
    if (typeof e !== 'object' || e === null || isTensorLike(e)) throw new TypeError(`${where}: weight ${i} must be { name, tensor }, got ${describeValue(entry)}; nothing was changed`);
    if (typeof e.name !== 'string') throw new TypeError(`${where}: weight ${i} must have a string name, got ${describeValue(e.name)}; nothing was changed`);
    if (!isTensorLike(e.tensor)) throw new TypeError(`${where}: weight ${i} ('${e.name}') must be a tf.Tensor, got ${describeValue(e.tensor)}; nothing was changed`);
  });
}

import { describeValue as describeCoreValue } from 'rprop/rules';

/**
 * A value as error messages print it: as the core's messages print it (−0 as `-0`, a string quoted so
 * `"1"` is not read as the number 1, a short array's items, a typed array's type and length, an
 * object's kind), except a tf.Tensor, named as one: its `toString()` spans lines and dumps the values.
 */
export function describeValue(value: unknown): string {
  return isTensorLike(value) ? 'a tf.Tensor' : describeCoreValue(value);
}

/**
 * Whether `value` looks like a tf.Tensor: by shape, not instanceof, because a second copy of
 * tfjs-core in a bundle makes tensors of another class.
 */
export function isTensorLike(value: unknown): value is { dataId: object; shape: number[] } {
  const t = value as { dataId?: unknown; shape?: unknown } | null;
  return typeof t === 'object' && t !== null && t.dataId !== undefined && Array.isArray(t.shape);
}

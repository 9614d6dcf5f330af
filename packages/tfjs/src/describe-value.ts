/**
 * A value as error messages print it: a number as the core prints it (−0 as `-0`), a string quoted
 * (so `"1"` is not read as the number 1), a tf.Tensor named as one (its `toString()` spans lines and
 * dumps the values), else what kind of thing it is.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (isTensorLike(value)) return 'a tf.Tensor';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Whether `value` looks like a tf.Tensor: by shape, not instanceof, because a second copy of
 * tfjs-core in a bundle makes tensors of another class.
 */
export function isTensorLike(value: unknown): value is { dataId: object; shape: number[] } {
  const t = value as { dataId?: unknown; shape?: unknown } | null;
  return typeof t === 'object' && t !== null && t.dataId !== undefined && Array.isArray(t.shape);
}

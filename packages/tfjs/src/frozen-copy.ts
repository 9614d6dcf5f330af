/**
 * A frozen copy of an array option (`etas`, `stepSizes`, `betas`), so neither the caller's array nor
 * `options` (whose `readonly` plain JS ignores) can change it after construction. Anything that is
 * not an array is returned as it is, for the options' checks to refuse with their own message.
 */
export function frozenCopy<T>(value: T): T {
  return (Array.isArray(value) ? Object.freeze([...value]) : value) as T;
}

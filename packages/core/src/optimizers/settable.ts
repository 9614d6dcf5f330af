/**
 * Whether `target[key] = value` would succeed (strict mode throws where it would not): the methods
 * that write into objects the caller owns — `zeroGrad(true)` into parameters, `loadStateDict` into
 * parameter groups — check every write first, so an object the caller froze or sealed is refused by
 * name with nothing written, rather than throwing JavaScript's "Cannot assign to read only property"
 * half-way, after the objects before it were written. (A Proxy may still refuse a write it allowed here.)
 */
export function settable(target: object, key: string): boolean {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d === undefined) continue;
    if (!('value' in d) && !('writable' in d)) return d.set !== undefined; // an accessor
    // A data property: writable, and where it is inherited the write makes an own property.
    return d.writable === true && (o === target || Object.isExtensible(target));
  }
  return Object.isExtensible(target);
}

/** Formats a value for an error message: numbers exactly, strings quoted, short arrays by their items, objects by their kind. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // Long arrays are cut: a message names the problem, it does not dump the data.
    const shown = value.slice(0, 6).map(describe);
    if (value.length > 6) shown.push(`… ${value.length} items`);
    return `[${shown.join(', ')}]`;
  }
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') {
    // Which kind of object: "got a Promise" says what "got object" does not (a missing await, say).
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    if (typeof name !== 'string' || name === '' || name === 'Object') return 'an object';
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  }
  // The value itself where it is short and says more than its type ("got true", not "got boolean").
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'symbol') return 'a symbol';
  return typeof value;
}

/**
 * How a parameter is named in messages: its index over all groups, and its name when it has one. A
 * name that is no string (JavaScript callers set any) is shown as `describe` shows values: through
 * JSON.stringify a BigInt threw "Do not know how to serialize a BigInt" in place of the refusal
 * being built, and a symbol showed as "undefined".
 */
export function parameterLabel(index: number, name: string | undefined): string {
  if (name === undefined) return `parameter ${index}`;
  return `parameter ${index} (${typeof name === 'string' ? JSON.stringify(name) : describe(name)})`;
}

/** `n` and the noun, plural unless n is 1: "1 parameter group", "2 parameter groups". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

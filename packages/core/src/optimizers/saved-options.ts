import { describe } from '../errors.js';

/**
 * Group `g`'s options as `stateDict` saves them: a deep copy, so the dict does not change when the
 * live group does. A group may carry keys of its own besides the options (a name, tags, a callback);
 * a state dict is data made to go through JSON, so a key holding what JSON cannot carry — a function,
 * a symbol, a BigInt (JSON.stringify throws), a Map, a Set, a Date, a typed array or another class's
 * instance (JSON turns them into something else), and in a key of the group's own (not one of
 * `optionNames`) NaN or ±Infinity (JSON writes null) — is refused, naming the group and the key, rather
 * than failing later in JSON.stringify or coming back changed from JSON.parse. (An option's NaN is the
 * next step's to refuse, as a value out of range.)
 */
export function savedOptions<T extends object>(owner: string, g: number, options: T, optionNames: readonly string[]): T {
  for (const [key, value] of Object.entries(options)) {
    const bad = notJsonData(value, !optionNames.includes(key));
    if (bad !== undefined) {
      throw new TypeError(
        `${owner}.stateDict: group ${g} has a key '${key}' holding ${describe(bad)}${Object.is(bad, value) ? '' : ' inside it'}, which a state dict cannot hold (it is data, made to go through JSON): keep it outside the parameter group`,
      );
    }
  }
  return structuredClone(options);
}

/**
 * The first value in `value` (itself, or an item or property at any depth) that JSON cannot carry as
 * it is; NaN and ±Infinity count only if `finite`.
 */
function notJsonData(value: unknown, finite: boolean): unknown {
  if (typeof value === 'number') return finite && !Number.isFinite(value) ? value : undefined;
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value !== 'object') return value; // a function, a symbol, a BigInt
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = notJsonData(item, finite);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // a Map, a Date, a Float32Array, …
  for (const item of Object.values(value)) {
    const bad = notJsonData(item, finite);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

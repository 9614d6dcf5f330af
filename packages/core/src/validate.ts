import { describe } from './errors.js';

/**
 * Hyperparameter checks shared by the optimizers. Each throws a RangeError (TypeError for a wrong
 * type) whose message names the optimizer, the parameter, the rule and the value received.
 */

function finiteNumber(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${owner}: ${name} must be finite, got ${describe(value)}`);
  return value;
}

/** `value` finite and ≥ 0. */
export function nonNegative(owner: string, name: string, value: unknown): void {
  if (finiteNumber(owner, name, value) < 0) throw new RangeError(`${owner}: ${name} must be ≥ 0, got ${describe(value)}`);
}

/** `value` finite and > 0. */
export function positive(owner: string, name: string, value: unknown): void {
  if (finiteNumber(owner, name, value) <= 0) throw new RangeError(`${owner}: ${name} must be > 0, got ${describe(value)}`);
}

/** `value` finite and in [0, 1); `where` (a group's position) follows the name but stays out of the rule. */
export function unitInterval(owner: string, name: string, value: unknown, where = ''): void {
  const v = finiteNumber(owner, `${name}${where}`, value);
  if (!(v >= 0 && v < 1)) throw new RangeError(`${owner}: ${name}${where} must satisfy 0 ≤ ${name} < 1, got ${describe(value)}`);
}

/**
 * An option's name with its symbol and `where` (` (group 1)`) in one parenthesis:
 * `etas[0] (η−, group 1)`, rather than two in a row.
 */
export function named(name: string, symbol: string, where = ''): string {
  const at = where.trim();
  return `${name} (${symbol}${at === '' ? '' : `, ${at.slice(1, -1)}`})`;
}

/**
 * A pair `[a, b]` of finite numbers. `where` (a group's position) follows the item's index, not the
 * name: `etas[1] (group 1)`, not `etas (group 1)[1]`.
 */
export function pair(owner: string, name: string, value: unknown, where = ''): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${owner}: ${name}${where} must be a pair [a, b] of numbers, got ${describe(value)}`);
  }
  finiteNumber(owner, `${name}[0]${where}`, value[0]);
  finiteNumber(owner, `${name}[1]${where}`, value[1]);
  return value as unknown as readonly [number, number];
}

/**
 * An options object, for the exported option checks (`validateRpropOptions`, …) an adapter calls
 * itself: given null or nothing they threw "Cannot read properties of null (reading 'lr')".
 */
export function optionsObject(owner: string, value: unknown): void {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${owner}: options must be an object of named options, got ${describe(value)}`);
}

/** A boolean. */
export function flag(owner: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean') throw new TypeError(`${owner}: ${name} must be true or false, got ${describe(value)}`);
}

/** One of the allowed strings. */
export function oneOf<T extends string>(owner: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${owner}: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

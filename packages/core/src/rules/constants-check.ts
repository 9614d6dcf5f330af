import { describe } from '../errors.js';
import { flag } from '../validate.js';

// The rules and kernels take their constants as callers build them (adapters, `rprop/rules` users),
// and the loops trusted them: constants that were no object failed with "Cannot read properties of
// null", and a field missing or not a finite number (a string lr, an undefined etaMinus) wrote NaN
// into every weight or step size without a word. Checked once per call, before anything is written.

/** Throws a TypeError (RangeError for NaN or ±Infinity) unless `value` is a finite number. */
export function finiteConstant(owner: string, name: string, value: unknown): void {
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${name} must be a finite number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${owner}: ${name} must be a finite number, got ${describe(value)}`);
}

/**
 * Refuses constants `c` that are not an object (`kind` says which, and what makes one), whose fields
 * `names` are not finite numbers, or whose `maximize` is not true or false.
 */
export function checkConstants(owner: string, kind: string, c: unknown, names: readonly string[]): void {
  if (typeof c !== 'object' || c === null) throw new TypeError(`${owner}: the constants must be ${kind}, got ${describe(c)}`);
  const fields = c as Record<string, unknown>;
  // maximize first: it is the check callers met before this one, and its message stays the same.
  flag(owner, 'maximize', fields.maximize);
  for (const name of names) finiteConstant(owner, `constants.${name}`, fields[name]);
}

/** The fields of `RpropConstants` besides maximize. */
export const RPROP_CONSTANTS = ['etaMinus', 'etaPlus', 'stepMin', 'stepMax'] as const;

/** What `kind` says of Rprop's constants. */
export const RPROP_KIND = '{ etaMinus, etaPlus, stepMin, stepMax, maximize } (rpropConstantsFor makes them)';

import { InvalidArgumentError } from 'commander';
import { splitCsvLine } from './data/csv-line.js';
import { DataError } from './data/dataset.js';
import { decimal } from './decimal.js';

/** A flag's parser for a whole number ≥ `min`, within the integers a double holds exactly. */
export function wholeNumber(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = decimal(value);
    // A whole number past 2⁵³ − 1 cannot be counted to exactly: said so, not that it is no whole number.
    if (n !== undefined && Number.isInteger(n) && n > Number.MAX_SAFE_INTEGER) {
      throw new InvalidArgumentError(`${name} must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1), got ${JSON.stringify(value)}`);
    }
    if (n === undefined || !Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** A flag's parser for a finite number > 0 (a learning rate: 0 would not move). */
export function positiveNumber(name: string): (value: string) => number {
  return (value) => {
    const n = decimal(value);
    if (n === undefined || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number > 0, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** A flag's parser for a finite number ≥ 0. */
export function nonNegativeNumber(name: string): (value: string) => number {
  return (value) => {
    const n = decimal(value);
    if (n === undefined || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number ≥ 0, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** `--hidden`'s parser: layer sizes like 16 or 16,8. */
export function layerSizes(value: string): number[] {
  const sizes = value.split(',').map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new InvalidArgumentError(`--hidden takes sizes like 16 or 16,8, got ${JSON.stringify(value)}`);
  return sizes;
}

/**
 * `--target`'s parser: CSV column names, comma-separated, trimmed as the header's names are, and
 * quoted as in the CSV when a name holds a comma (`--target '"price, usd"'`: split at every comma, no
 * such column could be named). A name given twice is refused: it would make two identical outputs.
 */
export function targetColumns(value: string): string[] {
  let names: string[];
  try {
    names = splitCsvLine(value, '--target', 0).map((name) => name.trim());
  } catch (e) {
    if (e instanceof DataError) throw new InvalidArgumentError(`--target: ${e.detail}`);
    throw e;
  }
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new InvalidArgumentError(`--target names the column ${JSON.stringify(twice)} twice`);
  return names;
}

import { InvalidArgumentError } from 'commander';
import { decimal } from './decimal.js';

/** A flag's parser for a whole number ≥ `min`, within the integers a double holds exactly. */
export function wholeNumber(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = decimal(value);
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
 * `--target`'s parser: CSV column names, comma-separated, trimmed as the header's names are. A name
 * given twice is refused: it would make two identical outputs.
 */
export function targetColumns(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new InvalidArgumentError(`--target names the column ${JSON.stringify(twice)} twice`);
  return names;
}

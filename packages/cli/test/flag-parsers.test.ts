import { describe, expect, it } from 'vitest';
import { layerSizes, nonNegativeNumber, positiveNumber, targetColumns, wholeNumber } from '../src/flag-parsers.js';

describe('flag parsers take plain decimal numbers only, and say their rule', () => {
  const accepted: Array<[string, (v: string) => unknown, string, unknown]> = [
    ['--lr', positiveNumber('--lr'), '1e-3', 0.001],
    ['--lr', positiveNumber('--lr'), '.5', 0.5],
    ['--lr', positiveNumber('--lr'), '2.', 2],
    ['--lr', positiveNumber('--lr'), '1E+2', 100],
    ['--target-mse', nonNegativeNumber('--target-mse'), '0', 0],
    ['--target-mse', nonNegativeNumber('--target-mse'), '-0', 0],
    ['--seed', wholeNumber('--seed', 0), '0', 0],
    ['--seed', wholeNumber('--seed', 0), '9007199254740991', 2 ** 53 - 1],
    ['--epochs', wholeNumber('--epochs', 1), '1e3', 1000],
    ['--hidden', layerSizes, '16,8', [16, 8]],
    ['--target', targetColumns, 'y1, y2', ['y1', 'y2']],
    ['--target', targetColumns, '"price, usd", y', ['price, usd', 'y']], // (a name with a comma, quoted as in the CSV)
  ];
  it.each(accepted)('%s %j', (_flag, parse, value, expected) => {
    expect(parse(value)).toEqual(expected);
  });

  const refused: Array<[string, (v: string) => unknown, string, string]> = [
    ['--lr', positiveNumber('--lr'), '', '--lr must be a number > 0, got ""'],
    ['--lr', positiveNumber('--lr'), '0', '--lr must be a number > 0, got "0"'],
    ['--lr', positiveNumber('--lr'), '0x10', '--lr must be a number > 0, got "0x10"'],
    ['--lr', positiveNumber('--lr'), ' 1', '--lr must be a number > 0, got " 1"'],
    ['--lr', positiveNumber('--lr'), 'Infinity', '--lr must be a number > 0, got "Infinity"'],
    ['--lr', positiveNumber('--lr'), '1e309', '--lr must be a number > 0, got "1e309"'],
    ['--target-mse', nonNegativeNumber('--target-mse'), '', '--target-mse must be a number ≥ 0, got ""'],
    ['--target-mse', nonNegativeNumber('--target-mse'), '-1', '--target-mse must be a number ≥ 0, got "-1"'],
    ['--epochs', wholeNumber('--epochs', 1), '0x10', '--epochs must be a whole number ≥ 1, got "0x10"'],
    ['--epochs', wholeNumber('--epochs', 1), '0b11', '--epochs must be a whole number ≥ 1, got "0b11"'],
    ['--epochs', wholeNumber('--epochs', 1), '1.5', '--epochs must be a whole number ≥ 1, got "1.5"'],
    ['--epochs', wholeNumber('--epochs', 1), '0', '--epochs must be a whole number ≥ 1, got "0"'],
    ['--seed', wholeNumber('--seed', 0), '-1', '--seed must be a whole number ≥ 0, got "-1"'],
    ['--seed', wholeNumber('--seed', 0), '99999999999999999999', '--seed must be at most 9007199254740991 (2^53 - 1), got "99999999999999999999"'],
    ['--batch-size', wholeNumber('--batch-size', 1), '9007199254740992', '--batch-size must be at most 9007199254740991 (2^53 - 1), got "9007199254740992"'],
    ['--seed', wholeNumber('--seed', 0), '1e400', '--seed must be a whole number ≥ 0, got "1e400"'],
    ['--hidden', layerSizes, '0x4', '--hidden takes sizes like 16 or 16,8, got "0x4"'],
    ['--hidden', layerSizes, '16,,8', '--hidden takes sizes like 16 or 16,8, got "16,,8"'],
    ['--hidden', layerSizes, '', '--hidden takes sizes like 16 or 16,8, got ""'],
    ['--hidden', layerSizes, '0', '--hidden takes sizes like 16 or 16,8, got "0"'], // (a layer of no units passes nothing on)
    ['--hidden', layerSizes, '16,0', '--hidden takes sizes like 16 or 16,8, got "16,0"'],
    ['--target', targetColumns, 'y1,y1', '--target names the column "y1" twice'],
    ['--target', targetColumns, 'a,y , y', '--target names the column "y" twice'],
    ['--target', targetColumns, '"price, usd', '--target: unterminated quote: field 1 opens a " and never closes it'],
  ];
  it.each(refused)('%s %j is refused', (_flag, parse, value, message) => {
    expect(() => parse(value)).toThrow(message);
  });
});

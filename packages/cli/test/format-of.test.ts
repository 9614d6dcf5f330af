import { describe, expect, it } from 'vitest';
import { formatOf } from '../src/data/load.js';

// The name decides the format: `.csv` in any case (Windows and Excel write DATA.CSV) is a CSV, anything
// else that is not a built-in set's name is FANN. Read as FANN, a CSV fails on its header line.
describe('formatOf', () => {
  it.each([
    ['data.csv', 'csv'],
    ['DATA.CSV', 'csv'],
    ['Data.Csv', 'csv'],
    ['dir.csv/data.train', 'fann'],
    ['data.csv.gz', 'fann'],
    ['data.tsv', 'fann'],
    ['xor', 'builtin'],
  ] as const)('%s: %s', (name, format) => {
    expect(formatOf(name)).toBe(format);
  });
});

// --format csv or fann overrides the name for a file, never for a built-in set (run-train refuses
// that pairing; reading would have no file to read).
describe('formatOf with --format', () => {
  it.each([
    ['data.txt', 'csv', 'csv'],
    ['/dev/stdin', 'csv', 'csv'],
    ['data.csv', 'fann', 'fann'],
    ['data.csv', 'auto', 'csv'],
    ['/dev/stdin', 'auto', 'fann'],
    ['xor', 'csv', 'builtin'],
    ['xor', 'fann', 'builtin'],
  ] as const)('%s with %s: %s', (name, choice, format) => {
    expect(formatOf(name, choice)).toBe(format);
  });
});

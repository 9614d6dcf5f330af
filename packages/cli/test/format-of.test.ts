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

import { describe, expect, it } from 'vitest';
import { parseFann } from '../src/data/fann.js';

// The header's three counts size everything after it: a header with a value too many, or a count of 0,
// a fraction or a negative one, must be refused on line 1, saying which count, rather than read.
describe('parseFann refuses a header that is not three whole numbers ≥ 1', () => {
  const reason = 'read in FANN format: only a name ending in .csv is read as a CSV'; // (load.ts says why)
  const why = ` (${reason})`;

  it('a fourth value: the header must be "count inputs outputs"', () => {
    expect(() => parseFann('1 2 1 0\n0 0\n0\n', 'f.train', reason)).toThrow(`f.train:1: the header must be "count inputs outputs", got 4 values${why}`);
    expect(() => parseFann('1 2\n0 0\n0\n', 'f.train', reason)).toThrow(`f.train:1: the header must be "count inputs outputs", got 2 values${why}`);
  });

  it.each([
    ['0 2 1\n', 'count', '0'],
    ['1.5 2 1\n0 0\n0\n', 'count', '1.5'],
    ['1 0 1\n\n0\n', 'inputs', '0'],
    ['1 2 -1\n0 0\n', 'outputs', '-1'],
    ['1 2.5 1\n0 0\n0\n', 'inputs', '2.5'],
  ])('%j: its %s, %s', (text, name, value) => {
    expect(() => parseFann(text, 'f.train')).toThrow(`f.train:1: the header's ${name} must be a whole number ≥ 1, got ${value}`);
  });

  it('after blank lines, on the header\'s own line', () => {
    expect(() => parseFann('\n\n0 2 1\n', 'f.train')).toThrow("f.train:3: the header's count must be a whole number ≥ 1, got 0");
  });
});

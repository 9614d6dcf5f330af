import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';

// A CSV that parses but leaves nothing to train on: refused at the header's line, saying what is
// missing, rather than handed on as a set of 0 samples or 0 inputs.
describe('parseCsv refuses a table with nothing to train on', () => {
  it('a header with no rows under it (blank lines are no rows)', () => {
    expect(() => parseCsv('a,b,y\n', 'f.csv', undefined)).toThrow('f.csv:1: the header has no rows under it');
    expect(() => parseCsv('\na,b,y\n\n \n', 'f.csv', undefined)).toThrow('f.csv:2: the header has no rows under it');
  });

  it('every column named by --target: no inputs left', () => {
    expect(() => parseCsv('a,y\n0,1\n', 'f.csv', ['a', 'y'])).toThrow('f.csv:1: every column is a target: no inputs left');
    expect(() => parseCsv('y\n1\n', 'f.csv', undefined)).toThrow('f.csv:1: every column is a target: no inputs left');
  });
});

import { describe, expect, it } from 'vitest';
import { parseFann } from '../src/data/fann.js';

describe('parseFann', () => {
  it('reads each pair as its inputs line, then its outputs line', () => {
    // Two inputs and two outputs: a parser that took the lines the other way round would pass every width check.
    const d = parseFann('2 2 2\n1 2\n3 4\n5 6\n7 8\n', 'f.train');
    expect(d).toMatchObject({ count: 2, inputs: 2, outputs: 2, headerLine: 1 });
    expect([...d.x]).toEqual([1, 2, 5, 6]);
    expect([...d.y]).toEqual([3, 4, 7, 8]);
    const wide = parseFann('1 3 1\n1 2 3\n4\n', 'f.train');
    expect([...wide.x]).toEqual([1, 2, 3]);
    expect([...wide.y]).toEqual([4]);
  });

  it('reads plain decimals only: a hex value is refused, naming its line', () => {
    expect(() => parseFann('1 2 1\n0x10 1\n0\n', 'f.train')).toThrow('f.train:2: not a number: "0x10"');
    expect(() => parseFann('0x1 2 1\n0 1\n0\n', 'f.train')).toThrow('f.train:1: the header must be "count inputs outputs": not a number: "0x1"');
  });

  it('reads a pair\'s inputs or outputs wrapped over several lines, as FANN does (it reads values, not lines)', () => {
    const d = parseFann('2 3 2\n1 2\n3\n4\n5\n6 7\n8\n9 10\n', 'f.train');
    expect([...d.x]).toEqual([1, 2, 3, 6, 7, 8]);
    expect([...d.y]).toEqual([4, 5, 9, 10]);
    // A bad value is still found on its own line, not its vector's first.
    expect(() => parseFann('1 3 1\n1 2\nx\n4\n', 'f.train')).toThrow('f.train:3: not a number: "x"');
  });

  it('refuses lines that do not end where a vector ends: a value too many is not passed on to the next vector', () => {
    // FANN would read these values as 1 pair, (1 2) → (3): a value was left out of the inputs, or put into the outputs.
    expect(() => parseFann('1 2 1\n1\n2 3\n', 'f.train')).toThrow('f.train:2: expected 2 inputs, got 1 value');
    expect(() => parseFann('1 3 1\n1 2\n3 4\n', 'f.train')).toThrow('f.train:2: expected 3 inputs, got 2 values');
    expect(() => parseFann('2 2 1\n0 0 0\n0\n0 1\n1\n', 'f.train')).toThrow('f.train:2: expected 2 inputs, got 3 values');
    expect(() => parseFann('1 2 1\n0 0\n0 1\n', 'f.train')).toThrow('f.train:3: expected 1 output, got 2 values');
  });

  it('says how the values go when they are right in number but on the wrong lines (a pair on one line, as in a table)', () => {
    expect(() => parseFann('2 2 1\n0 0 0\n0 1 1\n', 'f.train')).toThrow(
      'f.train:3: the header says 2 pairs (4 lines), the file has 2 data lines: the values are right in number, but each pair takes two lines: its inputs on one, its outputs on the next',
    );
  });

  it('says, when the first line is no FANN header, why the file was read as FANN, as it is told', () => {
    const reason = 'read in FANN format: only a name ending in .csv is read as a CSV'; // (load.ts says why)
    expect(() => parseFann('a,b,y\n0,1,1\n', 'data.txt', reason)).toThrow(`data.txt:1: the header must be "count inputs outputs", got 1 values (${reason})`);
    expect(() => parseFann('a\tb\ty\n0\t1\t1\n', 'data.tsv', reason)).toThrow(`data.tsv:1: the header must be "count inputs outputs": not a number: "a" (${reason})`);
    expect(() => parseFann('a,b,y\n0,1,1\n', 'data.txt')).toThrow(/^data\.txt:1: the header must be "count inputs outputs", got 1 values$/);
  });
});

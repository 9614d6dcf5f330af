import { describe, expect, it } from 'vitest';
import { parseFann } from '../src/data/fann.js';

// parseFann reads each line's values straight into x and y, allocated from the header's sizes: those
// sizes are believed only as far as the file could hold them, and a bad value is reported only once
// the lines agree with the header.
describe('parseFann believes the header only as far as the file bears it out', () => {
  it('a header claiming more values than the text could hold is a disagreement, not an allocation', () => {
    // 10¹⁶ values: allocated, "Invalid typed array length" (or an out-of-memory) instead of the line count.
    expect(() => parseFann('100000000 100000000 1\n0 0\n0\n', 'f.train')).toThrow('f.train:3: the header says 100000000 pairs (200000000 lines), the file has 2 data lines');
  });

  it('the lines disagreeing with the header is reported over a bad value on an earlier line', () => {
    // Line 2's "x" is read before line 5's extra value, but the line count is the likelier fault.
    expect(() => parseFann('2 1 1\nx\n1\n2\n1 1\n', 'f.train')).toThrow('f.train:5: expected 1 output, got 2 values');
    expect(() => parseFann('2 1 1\nx\n1\n2\n', 'f.train')).toThrow('f.train:4: the header says 2 pairs (4 lines), the file has 3 data lines');
  });

  it('a bad value is reported, naming its line, once the lines agree', () => {
    expect(() => parseFann('2 1 1\n0\n1\n2\n0x1\n', 'f.train')).toThrow('f.train:5: not a number: "0x1"');
  });
});

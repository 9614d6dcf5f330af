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
    expect(() => parseFann('0x1 2 1\n0 1\n0\n', 'f.train')).toThrow('f.train:1: not a number: "0x1"');
  });
});

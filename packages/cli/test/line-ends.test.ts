import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';
import { parseFann } from '../src/data/fann.js';

describe('data files with any line ends: \\r\\n, \\n, or a lone \\r (Excel for Mac\'s "CSV (Macintosh)")', () => {
  it('reads a CSV whose lines end in \\r alone (was: "the header has no rows under it")', () => {
    const d = parseCsv('a,b,y\r1,2,3\r4,5,6\r', 'mac.csv', undefined);
    expect(d).toMatchObject({ count: 2, inputs: 2, outputs: 1 });
    expect([...d.y]).toEqual([3, 6]);
    // Line numbers count each line end once, whichever it is.
    expect(() => parseCsv('a,y\r\n0,1\r0,x\n', 'mixed.csv', undefined)).toThrow('mixed.csv:3: column "y": not a number: "x"');
  });

  it('reads a FANN file whose lines end in \\r alone', () => {
    const d = parseFann('2 2 1\r0 0\r0\r0 1\r1\r', 'mac.train');
    expect([...d.x]).toEqual([0, 0, 0, 1]);
    expect([...d.y]).toEqual([0, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';

const parse = (text: string) => parseCsv(text, 'f.csv', undefined);

// A first line of numbers only is refused as no header; one with a name that is a number among
// other names, or beside an empty name, is a header, and must still be read as one.
describe('a CSV header whose names are numbers in part', () => {
  it('takes a number as a column name beside words (a year, a sensor id)', () => {
    const d = parse('a,2020,y\n1,2,3\n');
    expect(d.inputNames).toEqual(['a', '2020']);
    expect(d.outputNames).toEqual(['y']);
    expect([...d.x]).toEqual([1, 2]);
  });

  it("takes pandas' integer column names after its unnamed index column (`,0,1`): an empty name is no number", () => {
    const d = parse(',0,1\n5,0.5,1\n');
    expect(d).toMatchObject({ count: 1, inputNames: ['', '0'], outputNames: ['1'] });
    expect([...d.x]).toEqual([5, 0.5]);
    expect([...d.y]).toEqual([1]);
  });
});

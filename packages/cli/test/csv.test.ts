import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../src/data/csv-line.js';
import { parseCsv } from '../src/data/csv.js';

const split = (text: string) => splitCsvLine(text, 'f.csv', 7);
const parse = (text: string, targets?: string[]) => parseCsv(text, 'f.csv', targets);

describe('splitCsvLine (RFC 4180 within one line)', () => {
  const cases: Array<[string, string[]]> = [
    ['a,b,y', ['a', 'b', 'y']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['"",x', ['', 'x']],
    ['""""', ['"']],
    ['1, "2" ,3', ['1', '2', '3']],
    [' 1 ,2', [' 1 ', '2']],
    ['0,0,', ['0', '0', '']],
    ['a"b,c', ['a"b', 'c']], // a quote inside an unquoted field is just a character
    ['"a\tb"', ['a\tb']],
  ];
  it.each(cases)('%s', (line, fields) => {
    expect(split(line)).toEqual(fields);
  });

  const errors: Array<[string, string]> = [
    ['"a,b', 'f.csv:7: unterminated quote: field 1 opens a " and never closes it'],
    ['1,"2""', 'f.csv:7: unterminated quote: field 2 opens a " and never closes it'],
    ['1,2,"x', 'f.csv:7: unterminated quote: field 3 opens a " and never closes it'],
    ['"a"b,c', 'f.csv:7: field 1 has text after its closing quote'],
    ['1,"2"x', 'f.csv:7: field 2 has text after its closing quote'], // one character, at the line's end
  ];
  it.each(errors)('%s is an error naming file and line', (line, message) => {
    expect(() => split(line)).toThrow(message);
  });
});

describe('parseCsv', () => {
  it('reads quoted names and values', () => {
    const d = parse('"a","b,c","y"\n"0","1",1\n1,"0","0"\n', ['y']);
    expect(d).toMatchObject({ count: 2, inputs: 2, outputs: 1 });
    expect([...d.x]).toEqual([0, 1, 1, 0]);
    expect([...d.y]).toEqual([1, 0]);
    expect(parse('"b,c",y\n0,1\n', ['b,c'])).toMatchObject({ inputs: 1, outputs: 1 });
  });

  it('names file:line for a quote left open in a row', () => {
    expect(() => parse('a,y\n0,1\n"0,1\n')).toThrow('f.csv:3: unterminated quote: field 1 opens a " and never closes it');
  });

  it('drops a last column with no name and no values (every line, or the header alone, ends in a comma), and only that', () => {
    const d = parse('a,b,y,\n0,0,0,\n0,1,1,\n1,0,1, \n');
    expect(d).toMatchObject({ count: 3, inputs: 2, outputs: 1 });
    expect([...d.y]).toEqual([0, 1, 1]);
    expect(parse('a,b,\n0,0,1\n')).toMatchObject({ inputs: 2, outputs: 1 }); // values: kept
    expect(() => parse('a,y\n0,1,\n')).toThrow('f.csv:2: expected 2 columns as in the header, got 3'); // the header has no such column
    // A header alone ending in a comma: no row has that column (was: "expected 4 columns as in the header, got 3").
    expect(parse('a,b,y,\n0,0,0\n0,1,1\n')).toMatchObject({ count: 2, inputs: 2, outputs: 1, inputNames: ['a', 'b'] });
    expect(() => parse('a,b,y,\n0,0,0\n0,1\n')).toThrow('f.csv:2: expected 4 columns as in the header, got 3'); // (a row short too: not that case)
  });

  it('matches --target names exactly: case and all', () => {
    const d = parse('Y,y,a\n1,2,3\n', ['y']);
    expect(d).toMatchObject({ inputs: 2, outputs: 1, inputNames: ['Y', 'a'] });
    expect([...d.y]).toEqual([2]);
    expect(() => parse('a,Y\n0,1\n', ['y'])).toThrow('f.csv:1: no column named "y" in the header (a, Y)');
  });

  it('refuses a name given twice, naming it and both columns', () => {
    expect(() => parse('y,x,y\n0,0,1\n')).toThrow('f.csv:1: the header names "y" twice (columns 1 and 3)');
    expect(() => parse('a, b ,"b"\n0,0,1\n')).toThrow('f.csv:1: the header names "b" twice (columns 2 and 3)');
  });

  it('says a file looks tab-separated (a .tsv named .csv), rather than "every column is a target: no inputs left"', () => {
    expect(() => parse('a\tb\ty\n0\t1\t1\n')).toThrow('f.csv:1: the header is one column, "a\\tb\\ty": a CSV is comma-separated, and this file looks tab-separated');
    expect(() => parse('a;b;y\n0;1;1\n')).toThrow('f.csv:1: the header is one column, "a;b;y": a CSV is comma-separated, and this file looks ;-separated');
  });

  it('refuses a first line of numbers: the CSV needs a header', () => {
    expect(() => parse('0,1,0\n0,0,0\n')).toThrow('f.csv:1: the first line is all numbers: the CSV needs a header line naming its columns');
    expect(() => parse('\n 1.5 , -2e3\n0,0\n')).toThrow('f.csv:2: the first line is all numbers');
  });

  it('names the column of a value that is not a number (in a wide file the line alone leaves the user searching)', () => {
    expect(() => parse('a,b,y\n1,NA,0\n')).toThrow('f.csv:2: column "b": not a number: "NA"');
    expect(() => parse('a,,y\n1,red,0\n')).toThrow('f.csv:2: column 2: not a number: "red"');
    expect(() => parse('a,b,y\n1,2,0\n1, ,1\n')).toThrow('f.csv:3: column "b": empty (a missing value?): every value must be a number');
    expect(() => parse('a,y\n0,-4e38\n')).toThrow('f.csv:2: column "y": "-4e38" is beyond ±3.4e38');
  });

  it('reads plain decimals only, as the flags do: 0x10 is no 16 (-0x10 was refused all along)', () => {
    expect(() => parse('a,y\n0x10,1\n')).toThrow('f.csv:2: column "a": not a number: "0x10"');
    expect(() => parse('a,y\n0b11,1\n')).toThrow('f.csv:2: column "a": not a number: "0b11"');
    expect(() => parse('a,y\n1,Infinity\n')).toThrow('f.csv:2: column "y": not a number: "Infinity"');
    const d = parse('a,b,c,y\n -1.5e-3 ,"+.5",2.,1E+2\n');
    expect([...d.x]).toEqual([Math.fround(-1.5e-3), 0.5, 2]);
    expect([...d.y]).toEqual([100]);
  });

  it('keeps the line the header is on, after blank lines: errors about the whole file (test data unlike the training data) name it', () => {
    expect(parse('\n\na,y\n1,2\n').headerLine).toBe(3);
  });

  it('takes the last column as the default target, by position (an earlier column may have the same, empty, name)', () => {
    const d = parse(',b,\n1,2,3\n');
    expect([...d.x]).toEqual([1, 2]);
    expect([...d.y]).toEqual([3]);
  });
});

describe('a quoted field holding a line break (RFC 4180; a spreadsheet cell typed with Alt+Enter)', () => {
  it('is one field: the record runs on to the line its quote closes on (was: "field 2 opens a \\" and never closes it")', () => {
    const d = parse('a,"Price\n(USD)"\n1,2\n3,4\n');
    expect(d).toMatchObject({ count: 2, inputs: 1, outputs: 1, outputNames: ['Price\n(USD)'] });
    expect([...d.y]).toEqual([2, 4]);
    // Any line end, and a blank line inside the quotes is part of the name, not a line to skip.
    expect(parse('a,"b\r\n\r\nc",y\r\n1,2,3\r\n').inputNames).toEqual(['a', 'b\n\nc']);
    expect(parse('a,"b""\rc",y\r1,2,3\r').inputNames).toEqual(['a', 'b"\nc']);
    // After a space, as spreadsheets write `a, "b"`: the quote still opens the field, and the record runs on.
    expect(parse('a, "b\nc",y\n1,2,3\n').inputNames).toEqual(['a', 'b\nc']);
  });

  it('names the line a later record starts on, counting the lines a record ran over', () => {
    expect(() => parse('a,"b\nc",y\n1,2\n')).toThrow('f.csv:3: expected 3 columns as in the header, got 2');
    expect(() => parse('a,y\n"1\n",x\n')).toThrow('f.csv:2: column "y": not a number: "x"');
  });

  it('a quote that never closes is still reported at the line it opens on; a quote inside an unquoted field opens nothing', () => {
    expect(() => parse('a,y\n0,1\n"0,1\n1,1\n')).toThrow('f.csv:3: unterminated quote: field 1 opens a " and never closes it');
    expect(parse('a"b,y\n1,2\n3,4\n')).toMatchObject({ count: 2, inputNames: ['a"b'] });
    expect(parse('a,"b" ,y\n1,2,3\n')).toMatchObject({ count: 1, inputNames: ['a', 'b'] });
  });
});

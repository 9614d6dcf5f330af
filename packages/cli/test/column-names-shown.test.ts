import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';
import { checkInputColumns } from '../src/data/input-columns.js';
import { columnsLine } from '../src/train/columns-line.js';

// Header names are listed comma-separated (the report's columns line, the messages naming a header's
// columns). A name that holds a comma, a line break (which the one-line error turns into a space)
// or a semicolon was listed as it is, and read as other columns: `a, b,c, y` for a, "b,c" and y,
// and `a, b c, y` for a name "b\nc" — so `--target b,c` or `--target "b c"` was what it suggested.

describe('column names in lists are quoted when they would read as something else', () => {
  const header = (names: string) => `${names}\n1,2,3\n`;

  it('the columns line quotes a name holding a comma or a semicolon (it stays plain otherwise)', () => {
    expect(columnsLine(parseCsv(header('a,"b,c",y'), 'f.csv', undefined))).toBe('inputs a, "b,c"; target y');
    expect(columnsLine(parseCsv(header('a,b;c,y'), 'f.csv', undefined))).toBe('inputs a, "b;c"; target y');
    expect(columnsLine(parseCsv(header('a,b,y'), 'f.csv', undefined))).toBe('inputs a, b; target y');
  });

  it('an unknown --target lists the header with such names quoted', () => {
    expect(() => parseCsv(header('a,"b,c",y'), 'f.csv', ['b'])).toThrow('f.csv:1: no column named "b" in the header (a, "b,c", y)');
    expect(() => parseCsv(header('a,"b\nc",y'), 'f.csv', ['z'])).toThrow('f.csv:1: no column named "z" in the header (a, "b\\nc", y)');
  });

  it('an empty name is listed as "", or `a, , y` would read as a stray comma', () => {
    expect(() => parseCsv(header('a,,y'), 'f.csv', ['z'])).toThrow('f.csv:1: no column named "z" in the header (a, "", y)');
  });

  it('test data with other input columns lists both sides with such names quoted', () => {
    const data = parseCsv(header('a,"b,c",y'), 'train.csv', undefined);
    const test = parseCsv(header('"b,c",a,y'), 'test.csv', undefined);
    expect(() => checkInputColumns(data, test, 'test.csv')).toThrow('the input columns are "b,c", a, the training data\'s a, "b,c":');
  });
});

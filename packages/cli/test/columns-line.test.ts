import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';
import { columnsLine } from '../src/train/columns-line.js';

describe("the report's columns line", () => {
  it('stays one line when a header name holds a line break: that name is quoted, as in JSON', () => {
    const line = columnsLine(parseCsv('a,"Price\n(USD)"\n1,2\n', 'f.csv', undefined));
    expect(line).toBe('inputs a; target "Price\\n(USD)"');
    expect(line).not.toContain('\n');
  });
});

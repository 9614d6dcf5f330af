import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.js';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// A FANN file read as a CSV (`--format csv`, or FANN data saved under a .csv name): its header
// "4 2 1" is one column, the target, and the message was "every column is a target: no inputs
// left" — true of the columns it made up, silent on the file being FANN's.
const fann = '4 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n';

describe('a FANN file read as a CSV', () => {
  const dir = tempFolder('rprop-csv-fann-header-');
  writeFileSync(join(dir, 'xor.data'), fann);
  writeFileSync(join(dir, 'xor.csv'), fann);
  const train = (args: string[]) => rprop(['train', ...args, '--epochs', '1', '--backend', 'cpu'], dir);

  it('says its first line looks like a FANN header', () => {
    expect(() => parseCsv(fann, 'f.csv', undefined)).toThrow('f.csv:1: the header is one column, "4 2 1", which looks like a FANN header (count inputs outputs): this is no CSV');
  });

  it('and, from the command, why it was read as a CSV and how to read it as FANN', () => {
    expectOneLineError(train(['xor.data', '--format', 'csv']), 2, /^rprop: xor\.data:1: the header is one column, "4 2 1", which looks like a FANN header \(count inputs outputs\): this is no CSV \(read as a CSV, as --format csv says\)$/);
    expectOneLineError(train(['xor.csv']), 2, /^rprop: xor\.csv:1: the header is one column, "4 2 1", which looks like a FANN header \(count inputs outputs\): this is no CSV \(read as a CSV: a name ending in \.csv is; --format fann reads it as FANN\)$/);
  });

  it('a one-column header of two or four numbers is no FANN header (FANN\'s has three): no inputs are left', () => {
    // Not "all numbers" either: "1 2" is one field, and no number.
    expect(() => parseCsv('1 2\n1\n', 'f.csv', undefined)).toThrow('f.csv:1: every column is a target: no inputs left');
    expect(() => parseCsv('4 2 1 0\n1\n', 'f.csv', undefined)).toThrow('f.csv:1: every column is a target: no inputs left');
  });

  it('a one-column CSV with a name for a header still says no inputs are left', () => {
    expect(() => parseCsv('y\n1\n2\n', 'f.csv', undefined)).toThrow('f.csv:1: every column is a target: no inputs left');
  });
});

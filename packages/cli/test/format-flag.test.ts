import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';

// --format overrides the name: a CSV whose name does not end in .csv, a FANN file whose name does.
const dir = mkdtempSync(join(tmpdir(), 'rprop-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';
const fann = '2 2 1\n0 0\n0\n0 1\n1\n'; // 2 samples, so a FANN read is told from the CSV's 4
writeFileSync(join(dir, 'data.txt'), csv);
writeFileSync(join(dir, 'test.txt'), csv);
writeFileSync(join(dir, 'fann.csv'), fann);
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const train = (args: string[]) => rprop(['train', ...args, '--epochs', '1', '--backend', 'cpu', '--json'], dir);

describe('--format', () => {
  it('csv: reads a file of any name as a CSV, DATA and --test alike, and --json says so', () => {
    const r = train(['data.txt', '--test', 'test.txt', '--format', 'csv', '--target', 'y']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ data: 'data.txt', test: 'test.txt', dataFormat: 'csv', testFormat: 'csv', samples: 4, inputColumns: ['a', 'b'], targetColumns: ['y'] });
  });

  it('fann: reads a file named .csv as FANN, as asked', () => {
    const r = train(['fann.csv', '--format', 'fann']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ dataFormat: 'fann', testFormat: null, samples: 2, inputColumns: null });
  });

  it('auto (the default): the name decides, as without the flag, and --json gives the format each was read in', () => {
    for (const format of [[], ['--format', 'auto']]) {
      // Read as a CSV, fann.csv's header "2 2 1" is one column, which the message says is FANN's.
      expectOneLineError(train(['fann.csv', ...format]), 2, /^rprop: fann\.csv:1: the header is one column, "2 2 1", which looks like a FANN header/);
      const r = train(['data.txt', '--test', 'xor', ...format]);
      expectOneLineError(r, 2, /^rprop: data\.txt:1: the header must be "count inputs outputs"/);
    }
    expect(lastJson(train(['xor']).stdout)).toMatchObject({ dataFormat: 'builtin', testFormat: null });
    expect(lastJson(train(['xor', '--test', 'xor']).stdout)).toMatchObject({ dataFormat: 'builtin', testFormat: 'builtin' });
  });

  it('a file read in the wrong format is refused naming the file and line, and saying how it was chosen', () => {
    expectOneLineError(train(['data.txt', '--format', 'fann']), 2, /^rprop: data\.txt:1: the header must be "count inputs outputs", got 1 values \(read in FANN format, as --format fann says\)$/);
    expectOneLineError(train(['data.txt']), 2, /^rprop: data\.txt:1: the header must be "count inputs outputs", got 1 values \(read in FANN format: only a name ending in \.csv is read as a CSV, or any name with --format csv\)$/);
  });

  it('a name it does not know: one line, exit code 2', () => {
    expectOneLineError(train(['data.txt', '--format', 'tsv']), 2, /^error: option '--format <name>' argument 'tsv' is invalid\. Allowed choices are auto, csv, fann\.$/);
  });
});

describe('--format csv or fann with a built-in set', () => {
  // There is no file to read: the set is not a CSV, and reading it "as FANN" would be a make-believe.
  it.each(['csv', 'fann'])('--format %s: refused, DATA or --test', (format) => {
    expectOneLineError(train(['xor', '--format', format]), 2, new RegExp(`^rprop: --format ${format}: xor is a built-in set, not a file \\(no file or folder named xor is in this folder\\); --format says how a file is read$`));
    expectOneLineError(train(['data.txt', '--test', 'parity8', '--format', format]), 2, new RegExp(`^rprop: --format ${format}: parity8 is a built-in set, not a file`));
  });

  it('a file of that name is a file, and read as --format says', () => {
    const shadow = mkdtempSync(join(tmpdir(), 'rprop-format-shadow-'));
    try {
      writeFileSync(join(shadow, 'xor'), csv);
      const r = rprop(['train', 'xor', '--format', 'csv', '--epochs', '1', '--backend', 'cpu', '--json'], shadow);
      expect(r.status, r.stderr).toBe(0);
      expect(lastJson(r.stdout)).toMatchObject({ dataFormat: 'csv', samples: 4, inputColumns: ['a', 'b'] });
    } finally {
      rmSync(shadow, { recursive: true, force: true });
    }
  });
});

describe('--target and --format', () => {
  it('--format fann: refused, as for a FANN file by name', () => {
    expectOneLineError(train(['fann.csv', '--format', 'fann', '--target', 'y']), 2, /^rprop: --target: fann\.csv is read in FANN format, as --format fann says; --target names a CSV's output columns$/);
  });

  it('without --format, the message says how a file of another name is read as a CSV', () => {
    expectOneLineError(train(['data.txt', '--target', 'y']), 2, /^rprop: --target: data\.txt is read in FANN format: only a name ending in \.csv is read as a CSV, or any name with --format csv; --target names a CSV's output columns$/);
  });
});

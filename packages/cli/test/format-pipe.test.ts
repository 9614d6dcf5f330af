import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { bin, root } from './run-cli.js';

// A pipe has no name to read its format from: `--format csv` is how a piped CSV is read as one.
const csv = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';
const args = ['--format', 'csv', '--epochs', '1', '--backend', 'cpu', '--json'];
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const run = (command: string, argv: string[], input?: string) => spawnSync(command, argv, { cwd: root, encoding: 'utf8', timeout: 120_000, ...(input === undefined ? {} : { input }) });

describe('a CSV read from a pipe with --format csv', () => {
  // Node gives a child's stdin as a socket, not a FIFO: what a Node or Electron program that runs the
  // command with its data as `input` hands it.
  it.skipIf(!existsSync('/dev/stdin'))('/dev/stdin, written by the parent process (spawnSync `input`)', () => {
    const r = run(process.execPath, [bin, 'train', '/dev/stdin', ...args], csv);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ data: '/dev/stdin', dataFormat: 'csv', samples: 4, inputColumns: ['a', 'b'], targetColumns: ['y'] });
  });

  it.skipIf(!existsSync('/dev/stdin') || !existsSync('/bin/sh'))('/dev/stdin at the end of a shell pipe (`… | rprop train /dev/stdin`)', () => {
    const r = run('/bin/sh', ['-c', `printf '%s' "$2" | "$0" "$1" train /dev/stdin ${args.join(' ')}`, process.execPath, bin, csv]);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ dataFormat: 'csv', samples: 4 });
  });

  // `<(zcat data.csv.gz)` is bash's: a /dev/fd/N path to a pipe.
  it.skipIf(!existsSync('/bin/bash') || !existsSync('/dev/fd'))('a /dev/fd path, as bash\'s `<(…)` gives', () => {
    const r = run('/bin/bash', ['-c', `"$0" "$1" train <(printf '%s' "$2") ${args.join(' ')}`, process.execPath, bin, csv]);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ dataFormat: 'csv', samples: 4, inputColumns: ['a', 'b'] });
  });

  it.skipIf(!existsSync('/dev/stdin'))('without it, refused at the first line, naming the file and the flag', () => {
    const r = run(process.execPath, [bin, 'train', '/dev/stdin', '--epochs', '1', '--backend', 'cpu'], csv);
    expectOneLineError(r, 2, /^rprop: \/dev\/stdin:1: the header must be "count inputs outputs", got 1 values \(read in FANN format: only a name ending in \.csv is read as a CSV, or any name with --format csv\)$/);
  });

  it.skipIf(!existsSync('/dev/stdin'))('a bad value: its line and column', () => {
    const r = run(process.execPath, [bin, 'train', '/dev/stdin', ...args], 'a,b,y\n0,0,0\n0,x,1\n');
    expectOneLineError(r, 2, /^rprop: \/dev\/stdin:3: column "b": not a number: "x"$/);
  });
});

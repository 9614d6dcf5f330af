import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { bin } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// `-` as DATA or --test is standard input, as in most commands; it was looked up as a file named '-'
// ("-: no such file (and not a built-in set…)"), so only /dev/stdin, which not every system has, read a pipe.
const fann = '4 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n';
const flags = '--epochs 1 --backend cpu --json';
const dir = tempFolder('rprop-stdin-dash-');
const sh = (script: string, ...args: string[]) =>
  spawnSync('/bin/sh', ['-c', script, process.execPath, bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
const settings = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe.skipIf(!existsSync('/bin/sh'))('DATA - (standard input)', () => {
  it('reads a pipe to its end, named stdin in what the run reports', () => {
    const r = sh(`printf '%s' "$2" | "$0" "$1" train - ${flags}`, fann);
    expect(r.status, r.stderr).toBe(0);
    expect(settings(r.stdout)).toMatchObject({ data: 'stdin', dataFormat: 'fann', samples: 4, epochs: 1 });
  });

  it('reads a file given with <, and a CSV with --format csv', () => {
    writeFileSync(join(dir, 'xor.csv'), 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const r = sh(`"$0" "$1" train - --format csv ${flags} < xor.csv`);
    expect(r.status, r.stderr).toBe(0);
    expect(settings(r.stdout)).toMatchObject({ data: 'stdin', dataFormat: 'csv', inputColumns: ['a', 'b'], targetColumns: ['y'] });
  });

  // Data that fails on its first line says why it was read that way: with --format, the flag did it.
  it('read in the wrong format, says --format chose it', () => {
    const r = sh(`printf 'a,b,y\\n0,0,0\\n' | "$0" "$1" train - --format fann ${flags}`);
    expectOneLineError(r, 2, /^rprop: stdin:1: the header must be "count inputs outputs", got 1 values \(read in FANN format, as --format fann says\)$/);
  });

  it('reads the socket a Node parent gives as stdin', () => {
    const r = spawnSync(process.execPath, [bin, 'train', '-', ...flags.split(' ')], { cwd: dir, encoding: 'utf8', timeout: 120_000, input: fann });
    expect(r.status, r.stderr).toBe(0);
    expect(settings(r.stdout)).toMatchObject({ data: 'stdin', samples: 4 });
  });

  it('is standard input even where a file named - is in the folder', () => {
    writeFileSync(join(dir, '-'), 'not FANN at all\n');
    const r = sh(`printf '%s' "$2" | "$0" "$1" train - ${flags}`, fann);
    expect(r.status, r.stderr).toBe(0);
    expect(settings(r.stdout)).toMatchObject({ samples: 4 });
  });

  it('names stdin and the line in a data error', () => {
    const r = sh(`printf '%s' "$2" | "$0" "$1" train - ${flags}`, fann.replace('1 1\n', '1 x\n'));
    expectOneLineError(r, 2, /^rprop: stdin:8: not a number: "x"$/);
  });

  it('refuses a device on stdin (< /dev/null), which holds no data, saying how to give it', () => {
    const r = sh(`"$0" "$1" train - ${flags} < /dev/null`);
    expectOneLineError(r, 2, /^rprop: stdin: is a device, not a pipe or a file: - reads standard input, so pipe the data in or use <, as in `rprop train - < data\.train`$/);
  });

  it('twice, as DATA and --test, is refused before reading: even a file given with < is read once from fd 0', () => {
    writeFileSync(join(dir, 'xor.train'), fann);
    const r = sh(`"$0" "$1" train - --test - ${flags} < xor.train`);
    expectOneLineError(r, 2, /^rprop: --test -: standard input, which DATA \(-\) reads to its end: it can be read only once; give the test data a file or a pipe of its own$/);
  });

  it.skipIf(!existsSync('/dev/stdin'))('with --test /dev/stdin on the same pipe: refused as the same pipe', () => {
    const r = sh(`printf '%s' "$2" | "$0" "$1" train - --test /dev/stdin ${flags}`, fann);
    expectOneLineError(r, 2, /^rprop: --test \/dev\/stdin: the same pipe as DATA \(-\), which DATA reads to its end/);
  });

  it.skipIf(!existsSync('/dev/stdin'))('given a file with <, keeps it: --plot naming that file is refused, and the file stays', () => {
    writeFileSync(join(dir, 'keep.train'), fann);
    const r = sh(`"$0" "$1" train - --plot keep.train ${flags} < keep.train`);
    expectOneLineError(r, 2, /^rprop: keep\.train: is the training data \(-\); --plot would overwrite it$/);
    expect(readFileSync(join(dir, 'keep.train'), 'utf8')).toBe(fann);
  });
});

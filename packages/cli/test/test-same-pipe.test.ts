import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { bin, root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// A pipe is read once: DATA takes it to its end, and --test naming the same pipe found it empty —
// "/dev/stdin: the file is empty", as if nothing had been piped at all.
const csv = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';
const flags = '--format csv --epochs 1 --backend cpu --json';
const sh = (script: string, ...args: string[]) =>
  spawnSync('/bin/sh', ['-c', script, process.execPath, bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!existsSync('/dev/stdin') || !existsSync('/bin/sh'))('--test naming the pipe DATA is read from', () => {
  const dir = tempFolder('rprop-test-same-pipe-');

  it.each([
    ['/dev/stdin', '/dev/stdin'],
    ['/dev/stdin', '/dev/fd/0'],
  ])('DATA %s, --test %s: refused before reading, saying the pipe is read once', (data, test) => {
    const r = sh(`printf '%s' "$2" | "$0" "$1" train ${data} --test ${test} ${flags}`, csv);
    expectOneLineError(r, 2, new RegExp(`^rprop: --test ${test}: the same pipe as DATA \\(${data}\\), which DATA reads to its end: a pipe can be read only once; give the test data a file or a pipe of its own$`));
  });

  // Checked before DATA is read: read first, a pipe holding no valid data was blamed for that, and
  // the second read of the pipe — the mistake to fix — went unsaid.
  it('checked before DATA is read: bad data on the pipe does not hide it', () => {
    const r = sh(`printf 'not data\\n' | "$0" "$1" train /dev/stdin --test /dev/stdin ${flags}`);
    expectOneLineError(r, 2, /^rprop: --test \/dev\/stdin: the same pipe as DATA \(\/dev\/stdin\)/);
  });

  // Node gives a child's stdin as a socket (spawnSync's `input`), read through its descriptor.
  it('a socket on stdin, as a Node parent gives it: refused the same way', () => {
    const r = spawnSync(process.execPath, [bin, 'train', '/dev/stdin', '--test', '/dev/stdin', ...flags.split(' ')], { cwd: root, encoding: 'utf8', timeout: 120_000, input: csv });
    expectOneLineError(r, 2, /^rprop: --test \/dev\/stdin: the same pipe as DATA \(\/dev\/stdin\)/);
  });

  it('a file given on stdin (`< data.csv`) is no pipe: read twice, from its start each time', () => {
    writeFileSync(join(dir, 'data.csv'), csv);
    const r = sh(`"$0" "$1" train /dev/stdin --test /dev/stdin ${flags} < "$2"`, join(dir, 'data.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ samples: 4, testMse: expect.any(Number) });
  });
});

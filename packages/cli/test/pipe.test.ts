import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bin, root } from './run-cli.js';

describe('DATA read from a pipe', () => {
  // Through sh: its `|` is a pipe (a FIFO), where Node's own stdin `input` would be a socket.
  it.skipIf(!existsSync('/dev/stdin') || !existsSync('/bin/sh'))('is read to its end, as a file is (was: "/dev/stdin: not a file", exit 2)', () => {
    const r = spawnSync('/bin/sh', ['-c', 'printf "4 2 1\\n0 0\\n0\\n0 1\\n1\\n1 0\\n1\\n1 1\\n0\\n" | "$0" "$1" train /dev/stdin --epochs 1 --backend cpu --json', process.execPath, bin], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ data: '/dev/stdin', samples: 4, epochs: 1 });
  });
});

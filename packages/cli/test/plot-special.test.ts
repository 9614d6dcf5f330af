import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noRegularFile } from '../src/output/no-regular-file.js';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// In a folder of the test's own: without the check, the plot's rename replaced what is made here
// (never /dev/null or /dev/stdout themselves, which a run as root would have replaced).
const dir = tempFolder('rprop-plot-special-');
const hasMkfifo = spawnSync('mkfifo', [join(dir, 'pipe.svg')]).status === 0;
const hasProcFd = existsSync('/proc/self/fd/1');
if (hasProcFd) symlinkSync('/proc/self/fd/1', join(dir, 'stdout.svg'));
const before = readdirSync(dir).sort();

describe('--plot onto what is no regular file: refused before training, left as it was', () => {
  it.skipIf(!hasMkfifo)('a named pipe (was: replaced by a file, its reader given nothing)', () => {
    expectOneLineError(rprop(['train', 'xor', '--plot', 'pipe.svg', '--epochs', '2', '--backend', 'cpu'], dir), 2, /^rprop: pipe\.svg: is a named pipe, not a file: the output, put in place by a rename, would replace it; --plot writes a file$/);
    expect(lstatSync(join(dir, 'pipe.svg')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.skipIf(!hasProcFd)('a link to a file descriptor, as /dev/stdout is (was: the link replaced, the plot never on stdout)', () => {
    expectOneLineError(rprop(['train', 'xor', '--plot', 'stdout.svg', '--epochs', '2', '--backend', 'cpu'], dir), 2, /^rprop: stdout\.svg: is a link to a file descriptor \(as \/dev\/stdout is\), not a file: the output, put in place by a rename, would replace the link; --plot writes a file$/);
    expect(lstatSync(join(dir, 'stdout.svg')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('what a device, /proc and a regular file are to the check (nothing is written)', () => {
    if (existsSync('/dev/null')) expect(noRegularFile('/dev/null')).toMatch(/^is a device, not a file/);
    if (existsSync('/proc/self')) expect(noRegularFile('/proc/self/curve.svg')).toBe('is under /proc, where no file can be written');
    expect(noRegularFile(join(dir, 'new.svg'))).toBeUndefined();
    expect(noRegularFile(join(dir, 'missing', 'new.svg'))).toBeUndefined(); // (the folder's own check says it is missing)
    expect(noRegularFile(dir)).toBeUndefined(); // (a folder: the callers say so themselves)
    const dangling = join(dir, 'dangling.svg');
    symlinkSync(join(dir, 'nowhere'), dangling);
    try {
      expect(noRegularFile(dangling)).toBeUndefined(); // a link that leads nowhere is replaced (no device behind it)
    } finally {
      rmSync(dangling);
    }
  });
});

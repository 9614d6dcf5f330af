import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMountPoint } from '../src/output/mount-point.js';
import { root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-mount-point-');

describe('isMountPoint', () => {
  it('takes the root for one, and a folder made in a temporary folder not', () => {
    expect(isMountPoint('/')).toBe(true);
    expect(isMountPoint(dir)).toBe(false);
  });

  it('knows a mount point by where a path leads, not how it is spelled (a link to the root)', () => {
    const link = join(dir, 'to-root');
    symlinkSync('/', link);
    expect(isMountPoint(link)).toBe(true);
  });

  // The kernel writes a space in a mount point's name as \040; what is mounted on such a folder must
  // still be found. Mounting takes a mount namespace of the test's own, where the kernel allows that.
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs none ${JSON.stringify(dir)}`]).status === 0;
  it.skipIf(!canMount || !existsSync('/proc/self/mountinfo'))('finds a bind mount within one file system, by a name with a space and a non-ASCII letter', () => {
    const folder = join(dir, 'a b ü');
    mkdirSync(folder);
    const module = JSON.stringify(pathToFileURL(join(root, 'packages', 'cli', 'dist', 'output', 'mount-point.js')).href);
    const check = `import(${module}).then((m) => process.stdout.write(String(m.isMountPoint(process.argv[1]))))`;
    const run = (mount: string) => spawnSync('unshare', ['-rm', 'sh', '-c', `${mount}exec "$0" -e "$1" "$2"`, process.execPath, check, folder], { encoding: 'utf8' });
    expect(run('').stdout).toBe('false');
    expect(run(`mount --bind ${JSON.stringify(folder)} ${JSON.stringify(folder)} && `).stdout).toBe('true');
  });
});

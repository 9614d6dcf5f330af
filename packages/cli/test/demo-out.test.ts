import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { bin, rprop, userCanRun } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// Every case runs in this folder, so paths in messages are as typed.
const dir = tempFolder('rprop-demo-out-');
const PRECIOUS = 'a,y\n0,1\n';
writeFileSync(join(dir, 'data.csv'), PRECIOUS);

describe('rprop demo --out writes its plots all or none, and never through a link', () => {
  it('refuses a folder where a plot\'s name is a folder, before the table (was: 3 plots written, then an error)', () => {
    const out = join(dir, 'blocked');
    mkdirSync(join(out, 'trajectories.svg'), { recursive: true });
    const r = rprop(['demo', '--out', 'blocked'], dir);
    expectOneLineError(r, 2, /^rprop: blocked\/trajectories\.svg: is a folder; --out writes the plot trajectories\.svg there$/);
    expect(r.stdout).toBe('');
    expect(readdirSync(out)).toEqual(['trajectories.svg']);
    rmSync(out, { recursive: true });
  });

  it('replaces a link of a plot\'s name with the plot, leaving what it led to (was: the linked file overwritten)', () => {
    const out = join(dir, 'plots');
    mkdirSync(out);
    symlinkSync('../data.csv', join(out, 'trajectories.svg'));
    const r = rprop(['demo', '--out', './plots/'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe(PRECIOUS);
    expect(lstatSync(join(out, 'trajectories.svg')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'trajectories.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readdirSync(out).sort()).toEqual(['loss-0.01x2.svg', 'loss-100x2.svg', 'loss-linear-mse.svg', 'trajectories.svg']);
    // Named as written (was "s-0.01x2.svg, …, jectories.svg": the paths cut after `./plots/` as typed).
    expect(r.stdout).toMatch(/^Wrote 4 plots to \.\/plots\/: loss-0\.01x2\.svg, loss-100x2\.svg, loss-linear-mse\.svg, trajectories\.svg$/m);
    rmSync(out, { recursive: true });
  });

  it('removes the folders it made when the plots cannot be written, and only those (was: the empty folders left)', () => {
    mkdirSync(join(dir, 'mine'));
    // A path the folders can be made for, but not the plots' temporary files: at 4072 characters,
    // `out/loss-linear-mse.svg` (checked before the table) fits in PATH_MAX, 4096 with the final
    // NUL; `out/loss-0.01x2.svg.partial-<pid>` (written after it) does not.
    let out = 'mine/made';
    while (out.length < 4072) out += `/${'d'.repeat(Math.min(200, 4072 - out.length - 1))}`;
    expect(out.length).toBe(4072);
    try {
      const r = rprop(['demo', '--out', out], dir);
      expectOneLineError(r, 2, /^rprop: mine\/made\/d+(\/d+)*\/loss-0\.01x2\.svg: the name is too long$/);
      expect(readdirSync(join(dir, 'mine'))).toEqual([]);
    } finally {
      // rm walks down folder by folder; rmSync, by whole paths, cannot reach below PATH_MAX.
      spawnSync('rm', ['-rf', 'mine'], { cwd: dir });
    }
  });
});

// Root may write anywhere: this runs as the user nobody, when the tests run as root and nobody can
// reach the checkout.
const nobody = { uid: 65534, gid: 65534 };
describe.skipIf(process.getuid?.() !== 0 || !userCanRun(nobody.uid, nobody.gid))('rprop demo --out where the user may not write (as nobody)', () => {
  it.each([
    ['the folder itself', 'closed', /^rprop: closed: permission denied$/],
    ['the folder it would be made in', 'closed/plots', /^rprop: closed\/plots: permission denied$/],
  ])('refuses %s before the table (was: the table, then the error)', (_name, out, line) => {
    mkdirSync(join(dir, 'closed'), { mode: 0o555 });
    chmodSync(dir, 0o755); // nobody must get in
    try {
      const r = rprop(['demo', '--out', out], dir, nobody);
      expectOneLineError(r, 2, line);
      expect(r.stdout).toBe('');
      expect(readdirSync(join(dir, 'closed'))).toEqual([]);
    } finally {
      rmSync(join(dir, 'closed'), { recursive: true });
    }
  });
});

describe.skipIf(!existsSync('/proc/self'))('rprop demo --out where mkdir says "no such file" under a folder that exists', () => {
  it('fails with one line instead of retrying forever (was: Node\'s recursive mkdir spun at full CPU on /proc/x)', () => {
    // The folder is checked before the table and made after it: in a child with a time limit, so
    // that the old endless loop fails this test instead of hanging the suite.
    const r = spawnSync(process.execPath, [bin, 'demo', '--out', '/proc/rprop-demo/plots'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal, 'killed at the time limit: still making the folder').toBeNull();
    expectOneLineError({ status: r.status, stderr: r.stderr }, 2, /^rprop: \/proc\/rprop-demo\/plots: is under \/proc, where nothing can be written$/);
  });

  it('refuses it before the table (as root /proc passed the check for a folder to write in, and the demo failed after printing it all)', () => {
    for (const out of ['/proc/rprop-demo', '/proc/self/rprop-demo']) {
      const r = spawnSync(process.execPath, [bin, 'demo', '--out', out], { encoding: 'utf8', timeout: 60_000 });
      expectOneLineError({ status: r.status, stderr: r.stderr }, 2, new RegExp(`^rprop: ${out.replaceAll('/', '\\/')}: is under \\/proc, where nothing can be written$`));
      expect(r.stdout).toBe('');
    }
  });
});

describe('rprop demo --out through a symbolic link to nothing', () => {
  it.each([
    ['--out itself', 'nowhere', /^rprop: nowhere: nowhere is a symbolic link to nothing$/],
    ['a folder above it', 'nowhere/plots', /^rprop: nowhere\/plots: nowhere is a symbolic link to nothing$/],
  ])('refuses %s before the table (was: the table, then "no such file or folder")', (_name, out, line) => {
    symlinkSync('missing/folder', join(dir, 'nowhere'));
    try {
      const r = rprop(['demo', '--out', out], dir);
      expectOneLineError(r, 2, line);
      expect(r.stdout).toBe('');
      expect(existsSync(join(dir, 'missing'))).toBe(false);
    } finally {
      rmSync(join(dir, 'nowhere'));
    }
  });
});

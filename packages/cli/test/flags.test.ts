import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { root, rprop } from './run-cli.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('flags, as the command takes them', () => {
  it.each([
    ['--lr', ''],
    ['--epochs', '0x10'],
  ])('%s %j is one line and exit code 2', (flag, value) => {
    expectOneLineError(rprop(['train', 'xor', flag, value, '--backend', 'cpu']), 2, new RegExp(`^error: option '${flag} <[a-z]+>' argument '${value}' is invalid\\. ${flag} must be a (whole )?number [≥>] [01], got "${value}"$`));
  });

  it('takes --seed 0 and an exponent', () => {
    const r = rprop(['train', 'xor', '--seed', '0', '--epochs', '2e0', '--lr', '1e-3', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ epochs: 2 });
  });
});

describe('--target', () => {
  it('trims its names, as the header\'s are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rprop-flags-'));
    try {
      writeFileSync(join(dir, 'two.csv'), 'a, y1 ,y2\n0,0,1\n1,1,0\n');
      const r = rprop(['train', 'two.csv', '--target', 'y1, y2', '--epochs', '2', '--backend', 'cpu'], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('2 samples, 1 inputs, 2 outputs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--version', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = rprop([flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

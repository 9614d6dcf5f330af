import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, rprop } from './run-cli.js';

const bin = join(root, 'packages', 'cli', 'bin', 'rprop.js');
const hasScript = existsSync('/usr/bin/script') && existsSync('/usr/bin/timeout');

describe('the progress bar on a terminal', () => {
  // `script` gives the command a terminal; `timeout` sends Ctrl-C's SIGINT after 3 s of a long run.
  it.skipIf(!hasScript)('gives the terminal back on Ctrl-C (cursor shown, line wrap on) and exits with 130', () => {
    const command = `timeout --preserve-status -s INT 3 ${process.execPath} ${bin} train xor --epochs 10000000 --backend cpu`;
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout).toBe(130);
    const hid = r.stdout.lastIndexOf('\x1b[?25l');
    expect(hid).toBeGreaterThanOrEqual(0); // (else no bar was drawn)
    expect(r.stdout.indexOf('\x1b[?25h', hid)).toBeGreaterThan(hid);
    expect(r.stdout.indexOf('\x1b[?7h', r.stdout.lastIndexOf('\x1b[?7l'))).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/MSE \d\.\d{3}e[+-]\d+ bit-fail \d+ ETA/); // the bit-fail field is filled in
  });
});

describe('the progress line when piped', () => {
  it('shows the bit-fail count', () => {
    const r = rprop(['train', 'xor', '--epochs', '5', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^epoch 1\/5 {2}MSE \d\.\d{4}e[+-]\d+ {2}bit-fail \d+\n$/);
  });

  it('shows the MSE at the weights the epoch count says — after that epoch\'s step, as the summary reports it', () => {
    // (--json keeps stderr quiet; the summary on stdout reports the final weights' MSE.)
    const r = rprop(['train', 'xor', '--epochs', '1', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    const shown = /^epoch 1\/1 {2}MSE (\S+) {2}bit-fail (\d+)\n$/.exec(r.stderr);
    const summary = /^train MSE (\S+), bit-fail (\d+)$/m.exec(r.stdout);
    expect(shown, r.stderr).not.toBeNull();
    expect(summary, r.stdout).not.toBeNull();
    expect(shown!.slice(1)).toEqual(summary!.slice(1));
  });
});

import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
/** A run's results without its timings, which vary from run to run. */
const results = (stdout: string) => {
  const { seconds: _s, msPerEpoch: _m, msPerEpochSteady: _ms, ...rest } = lastJson(stdout);
  return rest;
};

describe('--batch-size takes a whole number ≥ 1', () => {
  it.each(['0', '-1', '1.5', '', '0x10'])('%j: one line, exit code 2, nothing on stdout', (value) => {
    const r = rprop(['train', 'xor', '--batch-size', value, '--epochs', '2', '--backend', 'cpu']);
    expectOneLineError(r, 2, new RegExp(`^error: option '--batch-size <n>' argument '${value.replace(/[.+]/g, '\\$&')}' is invalid\\. --batch-size must be a whole number ≥ 1, got "${value.replace(/[.+]/g, '\\$&')}"$`));
    expect(r.stdout).toBe('');
  });

  it('takes an exponent, as --epochs does', () => {
    const r = rprop(['train', 'two-spirals', '--batch-size', '3.2e1', '--optimizer', 'lion', '--epochs', '1', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ batchSize: 32 });
  });
});

describe('full batch is the default, and a --batch-size of the set\'s size or more is full batch', () => {
  it('gives the same results, bit for bit, with no flag, the set\'s size, and more (clamped)', () => {
    const run = (...extra: string[]) => rprop(['train', 'parity8', '--hidden', '8', '--variant', 'irprop+', '--epochs', '20', '--seed', '4', '--json', '--backend', 'cpu', ...extra]);
    const none = run();
    expect(none.status, none.stderr).toBe(0);
    const samples = lastJson(none.stdout).samples as number;
    expect(results(none.stdout)).toMatchObject({ batchSize: samples, epochs: 20, steps: 20 });
    for (const size of [samples, samples + 1, 1_000_000]) {
      const r = run('--batch-size', String(size));
      expect(r.stderr, `${size}`).toBe(''); // (and no warning: this is no mini-batch run)
      expect(results(r.stdout), `${size}`).toEqual(results(none.stdout));
    }
  });
});

describe('train --help', () => {
  const help = () => rprop(['train', '--help']).stdout.replace(/\s+/g, ' '); // (commander wraps lines)

  it('says what --batch-size does, that a larger one is the whole set, and that the MSE stays the whole set\'s', () => {
    const text = help();
    expect(text).toContain('--batch-size <n> examples per optimizer step (default: the whole set, one step per epoch)');
    expect(text).toContain('larger than the set: the whole set');
    expect(text).toContain('The MSE, bit-fail and --target-mse are still over the whole training set');
    expect(text).toContain("seed of the initial weights and of --batch-size's shuffles");
  });
});

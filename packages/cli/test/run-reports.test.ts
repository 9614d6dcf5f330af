import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

// --json's batchSize is the size used, so the line repeats the run: the set's size for full batch
// (none given, or one larger than the set), not what was typed or null.
describe('--json batchSize is the batch size used', () => {
  it.each([
    ['none given', []],
    ['one larger than the set', ['--batch-size', '100']],
  ])('full batch, %s: the set\'s size', (_name, extra) => {
    const r = rprop(['train', 'xor', '--hidden', '3', '--epochs', '2', '--json', '--backend', 'cpu', ...extra]);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ samples: 4, batchSize: 4, steps: 2 });
  });
});

// An unset shell variable (`rprop train "$DATA"`) gives an empty name: said so, naming which one,
// rather than "rprop: : no such file".
describe('an empty data file name', () => {
  it.each([
    ['DATA', ['train', ''], /^rprop: DATA: the file name is empty$/],
    ['--test', ['train', 'xor', '--test', ''], /^rprop: --test: the file name is empty$/],
  ])('%s', (_name, args, line) => {
    expectOneLineError(rprop([...args, '--backend', 'cpu']), 2, line);
  });
});

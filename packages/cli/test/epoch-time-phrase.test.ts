import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';

// The summary line names a time "after warm-up" only when epochs ran after the warm-up (the first five):
// a shorter run has no such figure, and printing its plain average twice suggested one.
describe('rprop train: the time per epoch in the summary', () => {
  it.each([
    [3, false],
    [5, false],
    [8, true],
  ])('a run of %i epochs names a time after warm-up: %s', (epochs, named) => {
    const { status, stdout } = rprop(['train', 'xor', '--hidden', '2', '--epochs', String(epochs), '--backend', 'cpu']);
    expect(status).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith(`epochs ${epochs}`));
    expect(line, stdout).toMatch(/ ms per epoch/);
    expect(line!.includes('after warm-up')).toBe(named);
  });
});

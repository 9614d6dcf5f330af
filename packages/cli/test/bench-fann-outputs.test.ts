import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { compileFann, fannInstalled } from '../bench/fann/fann-sets.mjs';
import { tempFolder } from './temp-folder.js';

// bench:fann's C trainer gives FANN the output layer `rprop train` picks (tanh for targets in [-1, 1],
// as xor.data's) and reports the plain MSE: FANN's MSE of symmetric outputs is of the halved error,
// a quarter of it. Needs Debian's libfann-dev and gcc, as bench:fann does; skipped without them.
const folder = tempFolder('rprop-fann-outputs-');
const XOR_PM1 = '4 2 1\n-1 -1\n-1\n-1 1\n1\n1 -1\n1\n1 1\n-1\n';

/** train_fann's JSON line for the ±1 XOR: 16 hidden units, `target`, at most `maxEpochs`, seed 1. */
function trainXor(binary: string, target: number, maxEpochs: number): { epochs: number; reachedTarget: boolean; mse: number } {
  const file = join(folder, 'xor-pm1.data');
  writeFileSync(file, XOR_PM1);
  return JSON.parse(execFileSync(binary, [file, '16', String(target), String(maxEpochs), '1'], { encoding: 'utf8' }));
}

describe.skipIf(!fannInstalled())("train_fann.c's output layer and MSE (bench/fann)", () => {
  const binary = compileFann(folder);

  it('reports the plain MSE: ≈1 for outputs near 0 against ±1 targets (FANN itself says ≈0.25)', () => {
    // One epoch from weights in ±0.1: every output is near 0, every error near ±1.
    const first = trainXor(binary, 1e-9, 1);
    expect(first.mse).toBeGreaterThan(0.9);
    expect(first.mse).toBeLessThan(1.1);
  });

  it('reaches a small MSE on ±1 targets, which sigmoid outputs (0 to 1) never could', () => {
    // With sigmoid outputs each −1 target is at least 1 away: the MSE stays ≥ 0.5.
    const run = trainXor(binary, 0.001, 2000);
    expect(run.reachedTarget).toBe(true);
    expect(run.mse).toBeLessThanOrEqual(0.001);
  });
});

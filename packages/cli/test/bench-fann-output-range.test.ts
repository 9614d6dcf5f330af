import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { compileFann, fannInstalled } from '../bench/fann/fann-sets.mjs';
import { tempFolder } from './temp-folder.js';

// train_fann.c picks FANN's output layer from the range of every target, as `rprop train` does: sigmoid
// (MSE as FANN reports it) for targets in [0, 1], 0 included; tanh (MSE × 4) as soon as any output
// column goes below 0. bench-fann-outputs.test.ts covers a single ±1 column. Needs libfann-dev and gcc.
const folder = tempFolder('rprop-fann-output-range-');

/** train_fann's JSON line for a FANN data file `text`: 16 hidden units, `target`, at most `maxEpochs`, seed 1. */
function train(binary: string, name: string, text: string, target: number, maxEpochs: number): { epochs: number; reachedTarget: boolean; mse: number } {
  const file = join(folder, name);
  writeFileSync(file, text);
  return JSON.parse(execFileSync(binary, [file, '16', String(target), String(maxEpochs), '1'], { encoding: 'utf8' }));
}

describe.skipIf(!fannInstalled())("train_fann.c's output layer for the targets' range (bench/fann)", () => {
  const binary = compileFann(folder);

  it('gives 0/1 targets sigmoid outputs and their MSE unscaled: ≈0.25 for outputs near ½ (tanh outputs near 0 would give ≈0.5)', () => {
    const first = train(binary, 'xor-01.data', '4 2 1\n-1 -1\n0\n-1 1\n1\n1 -1\n1\n1 1\n0\n', 1e-9, 1);
    expect(first.mse).toBeGreaterThan(0.2);
    expect(first.mse).toBeLessThan(0.3);
  });

  it('gives ±1 targets tanh outputs, not linear ones: the ±1 xor reaches MSE 0.001 in well under 50 epochs', () => {
    // FANN 2.2, seed 1: 21 epochs with tanh outputs; with linear outputs (what a range check that
    // skipped [-1, 1] would pick) 75. The MSE alone cannot tell them apart: both start near 1.
    const run = train(binary, 'xor-pm1.data', '4 2 1\n-1 -1\n-1\n-1 1\n1\n1 -1\n1\n1 1\n-1\n', 0.001, 5000);
    expect(run.reachedTarget).toBe(true);
    expect(run.epochs).toBeLessThan(50);
  });

  it('reads every output column: a ±1 second column after a 0/1 first one gets tanh outputs and trains to a small MSE', () => {
    // Sigmoid outputs, picked from the first column alone, stay ≥ 1 from each −1 target: MSE ≥ 0.25.
    const run = train(binary, 'two-outputs.data', '4 2 2\n-1 -1\n0 -1\n-1 1\n1 1\n1 -1\n1 1\n1 1\n0 -1\n', 0.001, 2000);
    expect(run.reachedTarget).toBe(true);
    expect(run.mse).toBeLessThanOrEqual(0.001);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// Inputs of 3e38 (valid: within float32) overflow a relu unit's pre-activation to +∞; the sigmoid
// output saturates, so the MSE stays finite, and the output weight's gradient is 0 · ∞ = NaN, which
// Rprop refuses. Both engines must say so alike (the fused one said "the training MSE became NaN",
// then reported TF.js's finite training MSE of the same weights). Seed 1 draws weights that overflow.
const dir = tempFolder('rprop-overflow-');
writeFileSync(join(dir, 'huge.data'), '2 2 1\n3e38 3e38\n1\n-3e38 3e38\n0\n');
const args = ['train', 'huge.data', '--hidden', '1', '--activation', 'relu', '--seed', '1', '--epochs', '3'];

describe('an overflowing pre-activation, on either engine', () => {
  it('stops the run at epoch 0 on the refused gradient, with the same report', () => {
    const runs = (['tfjs', 'fused'] as const).map((engine) => rprop([...args, '--engine', engine], dir));
    for (const r of runs) {
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/diverged at epoch 0: the gradient became (NaN|-?Infinity) and rprop refused to step; training stopped\n/);
    }
    const trainLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('train MSE'));
    expect(trainLine(runs[1]!.stdout)).toBe(trainLine(runs[0]!.stdout));
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// The kernel sums squared errors in float64, so an MSE past float32's range (~3.4e38) stays finite
// there while the TF.js engine's (float32) is already Infinity: the fused engine went on stepping from
// a point the TF.js engine had called diverged at epoch 0.
const dir = tempFolder('rprop-fused-overflow-');

describe('--engine fused with an MSE beyond float32', () => {
  it('diverges at the same epoch as --engine tfjs', () => {
    const csv = join(dir, 'huge.csv');
    writeFileSync(csv, 'a,y\n1,3e38\n-1,-3e38\n0.5,1e38\n');
    const run = (engine: string) => {
      const r = rprop(['train', csv, '--engine', engine, '--epochs', '5', '--json']);
      expect(r.status).toBe(1);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { divergedAtEpoch: number; steps: number };
    };
    const tfjs = run('tfjs');
    const fused = run('fused');
    expect(fused.divergedAtEpoch).toBe(tfjs.divergedAtEpoch);
    expect(fused.steps).toBe(tfjs.steps);
  });
});

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { savedValues } from './saved-model-values.js';
import { tempFolder } from './temp-folder.js';

// The record's `shuffles` and `epochs` are two counts: they agree for a run that shuffled every epoch,
// which is all resume-equals-uninterrupted runs, so a swap of the two goes unseen there. Here they
// differ: full-batch epochs count as epochs and shuffle nothing, and a hand-edited `epochs` must move
// only the count, never the seed's stream.

const dir = tempFolder('rprop-resume-shuffles-');
const record = (folder: string) => JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8')).userDefinedMetadata.rpropTrain;

function run(args: string[]) {
  const r = rprop(['train', 'parity8', '--hidden', '4', '--optimizer', 'signum', '--backend', 'cpu', '--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe('rprop train --resume: the record counts shuffles apart from epochs', () => {
  it('full-batch epochs add epochs and no shuffles; batch epochs add both', () => {
    const folder = join(dir, 'mixed');
    run(['--epochs', '3', '--seed', '4', '--save', folder]);
    expect(record(folder)).toEqual({ epochs: 3, seed: 4, batchSize: null, shuffles: 0 });
    run(['--resume', folder, '--batch-size', '50', '--epochs', '2', '--save', folder]);
    expect(record(folder)).toEqual({ epochs: 5, seed: 4, batchSize: 50, shuffles: 2 });
    // Full batch again (a --batch-size of the whole set): two more epochs, the stream where it was.
    run(['--resume', folder, '--batch-size', '256', '--epochs', '2', '--save', folder]);
    expect(record(folder)).toEqual({ epochs: 7, seed: 4, batchSize: 256, shuffles: 2 });
  });

  it('goes on with the stream after the recorded shuffles, whatever the recorded epochs', () => {
    const [saved, edited] = [join(dir, 'saved'), join(dir, 'edited')];
    run(['--epochs', '2', '--seed', '9', '--batch-size', '50', '--save', saved]);
    cpSync(saved, edited, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(edited, 'model.json'), 'utf8'));
    expect(manifest.userDefinedMetadata.rpropTrain.shuffles).toBe(2);
    manifest.userDefinedMetadata.rpropTrain.epochs = 40;
    writeFileSync(join(edited, 'model.json'), JSON.stringify(manifest));

    const a = run(['--resume', saved, '--epochs', '2', '--save', saved]);
    const b = run(['--resume', edited, '--epochs', '2', '--save', edited]);
    expect([a.startEpoch, b.startEpoch]).toEqual([2, 40]);
    expect(savedValues(edited).weights).toEqual(savedValues(saved).weights);
    expect(b.trainMse).toBe(a.trainMse);
    expect([record(saved).shuffles, record(edited).shuffles]).toEqual([4, 4]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { savedValues } from './saved-model-values.js';
import { tempFolder } from './temp-folder.js';

// The promise of --resume: `--epochs 6 --save d`, then `--resume d --epochs 6`, ends where `--epochs
// 12` ends, bit for bit — the weights and the optimizer's state in the saved files, and the figures
// --json reports. parity8 (256 samples) with 4 hidden units: every kernel a few dozen values, a run a second.

const dir = tempFolder('rprop-resume-equal-');
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

function run(args: string[]) {
  const r = rprop(['train', 'parity8', '--backend', 'cpu', '--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return lastJson(r.stdout);
}

const cases: Array<[name: string, flags: string[], resumeFlags: string[]]> = [
  ['irprop-, full batch', ['--variant', 'irprop-'], []],
  ['irprop+, full batch', ['--variant', 'irprop+'], []],
  ['rprop-, full batch', ['--variant', 'rprop-'], []],
  ['rprop+, full batch', ['--variant', 'rprop+'], []],
  // Shuffled batches: the resumed run must go on with the seed's stream where the saved run left it.
  ['irprop+, batches of 100 (the last one 56)', ['--variant', 'irprop+', '--batch-size', '100'], []],
  ['signum, batches of 50', ['--optimizer', 'signum', '--batch-size', '50'], []],
  ['lion, batches of 32', ['--optimizer', 'lion', '--batch-size', '32', '--lr', '0.003'], []],
  // The fused engine hands its state to the saved optimizer and takes it back.
  ['irprop+, --engine fused', ['--variant', 'irprop+', '--engine', 'fused'], ['--engine', 'fused']],
  ['rprop-, --engine fused', ['--variant', 'rprop-', '--engine', 'fused'], ['--engine', 'fused']],
];

describe('rprop train --resume: 6 epochs, saved, then 6 more == 12 epochs', () => {
  it.each(cases)('%s', (name, flags, resumeFlags) => {
    const slug = name.replace(/\W+/g, '-');
    const [halfway, whole] = [join(dir, `${slug}-6+6`), join(dir, `${slug}-12`)];
    const first = run(['--hidden', '4', '--seed', '7', '--epochs', '6', '--save', halfway, ...flags]);
    // Resumed into the same folder, with no flag but the engine: the saved model and record decide the rest.
    const resumed = run(['--resume', halfway, '--epochs', '6', '--save', halfway, ...resumeFlags]);
    const uninterrupted = run(['--hidden', '4', '--seed', '7', '--epochs', '12', '--save', whole, ...flags]);

    const a = savedValues(halfway);
    const b = savedValues(whole);
    expect(Object.keys(a.weights)).toEqual(Object.keys(b.weights));
    expect(a.weights).toEqual(b.weights); // the model's weights and every optimizer slot, the iteration count too
    expect(a.weights.iter).toEqual([uninterrupted.steps]);
    expect(a.metadata).toEqual(b.metadata); // the record, epochs in all and shuffles included

    for (const key of ['trainMse', 'trainBitFail', 'seed', 'batchSize', 'hidden', 'activation', 'optimizer', 'variant', 'lr', 'engine'] as const) {
      expect(resumed[key], key).toEqual(uninterrupted[key]);
    }
    expect([first.resumedFrom, first.startEpoch]).toEqual([null, 0]);
    expect([resumed.resumedFrom, resumed.startEpoch, resumed.epochs]).toEqual([halfway, 6, 6]);
    expect(resumed.steps + first.steps).toBe(uninterrupted.steps);
    // Not vacuous: the second half moved the model.
    expect(resumed.trainMse).not.toBe(first.trainMse);
  });

  it('a second resume goes on too: 4 + 4 + 4 == 12, with shuffled batches', () => {
    const flags = ['--hidden', '4', '--seed', '11', '--optimizer', 'lion', '--lr', '0.003', '--batch-size', '64'];
    const [thirds, whole] = [join(dir, 'thirds'), join(dir, 'thirds-whole')];
    run([...flags, '--epochs', '4', '--save', thirds]);
    run(['--resume', thirds, '--epochs', '4', '--save', thirds]);
    const last = run(['--resume', thirds, '--epochs', '4', '--save', thirds]);
    const uninterrupted = run([...flags, '--epochs', '12', '--save', whole]);
    expect(savedValues(thirds)).toEqual(savedValues(whole));
    expect(last.startEpoch).toBe(8);
    expect(last.trainMse).toBe(uninterrupted.trainMse);
  });
});

import * as tf from '../src/tf.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import 'rprop-tfjs';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-batch-');

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
/** A run's results without its timings, which vary from run to run. */
const results = (stdout: string) => {
  const { seconds: _s, msPerEpoch: _m, msPerEpochSteady: _ms, ...rest } = lastJson(stdout);
  return rest;
};
const spirals = (...extra: string[]) => rprop(['train', 'two-spirals', '--hidden', '8', '--optimizer', 'lion', '--lr', '3e-3', '--batch-size', '16', '--epochs', '5', '--json', '--backend', 'cpu', ...extra]);

describe('rprop train --batch-size (mini-batches)', () => {
  it('repeats bit for bit with the same --seed, and differs with another', () => {
    const [a, b, other] = [spirals('--seed', '11'), spirals('--seed', '11'), spirals('--seed', '12')];
    for (const r of [a, b, other]) expect(r.status, r.stderr).toBe(0);
    expect(results(b.stdout)).toEqual(results(a.stdout));
    expect(results(other.stdout).trainMse).not.toBe(results(a.stdout).trainMse);
  });

  it('reports the batch size and the steps taken: ⌈samples / batchSize⌉ per epoch', () => {
    const r = lastJson(spirals().stdout);
    expect(r.samples % 16).not.toBe(0); // (the last batch is a smaller one)
    expect(r).toMatchObject({ batchSize: 16, epochs: 5, steps: 5 * Math.ceil(r.samples / 16), diverged: false });
    const text = rprop(['train', 'two-spirals', '--hidden', '8', '--optimizer', 'lion', '--batch-size', '16', '--epochs', '5', '--backend', 'cpu']);
    expect(text.stdout).toMatch(new RegExp(`^epochs 5, ${r.steps} steps in batches of 16, [\\d.]+ s, [\\d.]+ ms per epoch`, 'm'));
  });

  it('--save: the saved optimizer has taken as many steps as reported', async () => {
    const saved = join(dir, 'model');
    const r = spirals('--save', saved);
    expect(r.status, r.stderr).toBe(0);
    const { steps, epochs } = lastJson(r.stdout);
    expect(steps).toBeGreaterThan(epochs);
    const manifest = JSON.parse(readFileSync(join(saved, 'model.json'), 'utf8'));
    const weights = readFileSync(join(saved, 'weights.bin'));
    await tf.setBackend('cpu');
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: manifest.modelTopology, weightSpecs: manifest.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength), trainingConfig: manifest.trainingConfig }),
    );
    expect(model.optimizer.getClassName()).toBe('Lion');
    expect(model.optimizer.iterations).toBe(steps);
    model.dispose();
  });

  it('warns, in one line on stderr, of --optimizer rprop with mini-batches, and names what suits them; --json\'s stdout stays one line', () => {
    const r = rprop(['train', 'two-spirals', '--hidden', '8', '--variant', 'rprop+', '--batch-size', '50', '--epochs', '2', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^rprop: warning: --optimizer rprop with --batch-size 50 \(of \d+ samples\): .*sign.*Signum and Lion .*suit mini-batches\n$/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(lastJson(r.stdout)).toMatchObject({ optimizer: 'rprop', variant: 'rprop+', batchSize: 50 });
    // Not for the optimizers mini-batches suit.
    for (const optimizer of ['signum', 'lion']) {
      expect(rprop(['train', 'two-spirals', '--hidden', '8', '--optimizer', optimizer, '--batch-size', '50', '--epochs', '2', '--json', '--backend', 'cpu']).stderr, optimizer).toBe('');
    }
  });

  it('a batch whose MSE stops being finite ends the run there: diverged, with the steps taken', () => {
    const r = rprop(['train', 'two-spirals', '--hidden', '4', '--optimizer', 'signum', '--lr', '1e38', '--batch-size', '10', '--epochs', '20', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(1);
    const [, epoch, steps] = /^diverged at epoch (\d+), after (\d+) steps: a batch's MSE became NaN; training stopped$/m.exec(r.stdout) ?? [];
    expect(r.stdout).toMatch(new RegExp(`^epochs ${epoch}, ${steps} steps in batches of 10`, 'm'));
    const json = lastJson(rprop(['train', 'two-spirals', '--hidden', '4', '--optimizer', 'signum', '--lr', '1e38', '--batch-size', '10', '--epochs', '20', '--json', '--backend', 'cpu']).stdout);
    expect(json).toMatchObject({ diverged: true, divergedAtEpoch: Number(epoch), epochs: Number(epoch), steps: Number(steps) });
    // Mid-epoch: more steps than the complete epochs account for, fewer than one more would take.
    const perEpoch = Math.ceil(json.samples / 10);
    expect(json.steps).toBeGreaterThanOrEqual(json.epochs * perEpoch);
    expect(json.steps).toBeLessThan((json.epochs + 1) * perEpoch);
  });
});

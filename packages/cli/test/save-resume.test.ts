import * as tf from '../src/tf.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSetLoss } from '../src/train/optimizer.js';
import { mlpGradients, mlpLayers } from '../src/train/mlp-gradients.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// `rprop train --save` writes the model with its optimizer so that training can go on from it. These
// tests go on from it: with the command's own full-batch step (same ops, same backend) the resumed run
// must equal an uninterrupted one bit for bit, and `model.fit` must take the saved optimizer.

const dir = tempFolder('rprop-resume-');

// Two inputs, two outputs: with --hidden 2 every kernel is 2×2 and every bias 2, so slots matched to
// the wrong variables would go unnoticed by any shape check.
const SQUARE = '6 2 2\n0 0\n0 1\n0 1\n1 0\n1 0\n1 1\n1 1\n0 0\n0.5 0.2\n0.3 0.9\n0.1 0.8\n0.6 0.4\n';

async function loadSaved(folder: string): Promise<tf.LayersModel> {
  const manifest = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8'));
  const weights = readFileSync(join(folder, 'weights.bin'));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: manifest.modelTopology,
      weightSpecs: manifest.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      trainingConfig: manifest.trainingConfig,
    }),
  );
}

/** The set as the command reads a FANN file: inputs and outputs of each pair, row by row. */
function fannTensors(text: string): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const [header, ...rows] = text.trim().split('\n');
  const [count, inputs, outputs] = header!.split(' ').map(Number) as [number, number, number];
  const values = (k: number) => rows[k]!.split(' ').map(Number);
  const x = Array.from({ length: count }, (_, i) => values(2 * i));
  const y = Array.from({ length: count }, (_, i) => values(2 * i + 1));
  expect([x[0]!.length, y[0]!.length]).toEqual([inputs, outputs]);
  return { x: tf.tensor2d(x), y: tf.tensor2d(y) };
}

describe('rprop train --save: training goes on from the saved model and optimizer', () => {
  const data = join(dir, 'square.train');
  writeFileSync(data, SQUARE);
  const train = (epochs: number, variant: string, save: string) =>
    rprop(['train', data, '--hidden', '2', '--epochs', String(epochs), '--variant', variant, '--lr', '0.05', '--backend', 'cpu', '--save', save, '--json']);

  for (const variant of ['irprop-', 'irprop+', 'rprop-', 'rprop+']) {
    it(`${variant}: 4 epochs, saved, loaded, 3 more by the same step == 7 epochs, bit for bit`, async () => {
      const [short, long] = [join(dir, `${variant}-4`), join(dir, `${variant}-7`)];
      for (const [epochs, folder] of [[4, short], [7, long]] as const) {
        const r = train(epochs, variant, folder);
        expect(r.status, r.stderr).toBe(0);
      }
      const model = await loadSaved(short);
      const optimizer = model.optimizer;
      // The slots in the model's variable order: the order `fit`, and the step below, give gradients in.
      const slots = (await optimizer.getWeights()).filter((w) => w.name.endsWith('/stepSize'));
      expect(slots.map((s) => s.name.replace(/\/stepSize$/, ''))).toEqual(model.trainableWeights.map((w) => w.originalName));
      const { x, y } = fannTensors(SQUARE);
      const layers = mlpLayers(model as tf.Sequential);
      const xT = tf.transpose(x);
      for (let epoch = 0; epoch < 3; epoch++) {
        const { loss, grads } = mlpGradients(layers, x, xT, y);
        if (hasSetLoss(optimizer)) optimizer.setLoss(loss.dataSync()[0]!);
        optimizer.applyGradients(grads);
        tf.dispose([loss, grads]);
      }
      const uninterrupted = await loadSaved(long);
      const resumed = model.getWeights().map((w) => Array.from(w.dataSync()));
      expect(resumed).toEqual(uninterrupted.getWeights().map((w) => Array.from(w.dataSync())));
      // And the optimizers agree: iteration count, previous loss, every slot.
      const values = async (m: tf.LayersModel) => Promise.all((await m.optimizer.getWeights()).map(async (w) => Array.from(await w.tensor.data())));
      expect(await values(model)).toEqual(await values(uninterrupted));
      tf.dispose([x, y, xT]);
    });
  }

  it.each([
    ['rprop, full batch', []],
    ['lion, mini-batches', ['--optimizer', 'lion', '--batch-size', '2']],
  ])('model.fit takes the saved optimizer (%s; layers of different shapes) and goes on', async (name, flags) => {
    const folder = join(dir, `xor-${name.replace(/\W+/g, '-')}`);
    const r = rprop(['train', 'xor', '--hidden', '3', '--epochs', '5', '--backend', 'cpu', '--save', folder, '--json', ...flags]);
    expect(r.status, r.stderr).toBe(0);
    const model = await loadSaved(folder);
    const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = tf.tensor2d([[0], [1], [1], [0]]);
    const history = await model.fit(x, y, { epochs: 3, batchSize: 4, verbose: 0 });
    const losses = history.history.loss ?? [];
    expect(losses).toHaveLength(3);
    expect(losses.every((l) => Number.isFinite(l as number))).toBe(true);
    tf.dispose([x, y]);
  });
});

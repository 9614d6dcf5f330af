import * as tf from '../src/tf.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { evaluate } from '../src/train/metrics.js';
import { train } from '../src/train/train.js';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-fused-');
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('rprop train --engine fused', () => {
  it('trains xor to the target with every Rprop variant, and says it ran fused', () => {
    for (const variant of ['rprop-', 'irprop-', 'rprop+', 'irprop+']) {
      const r = rprop(['train', 'xor', '--hidden', '4', '--target-mse', '0.01', '--epochs', '2000', '--variant', variant, '--lr', '0.1', '--json', '--backend', 'cpu', '--engine', 'fused']);
      expect(r.status, r.stderr).toBe(0);
      const result = lastJson(r.stdout);
      expect(result).toMatchObject({ data: 'xor', optimizer: 'rprop', variant, engine: 'fused', reachedTarget: true });
      expect(result.trainMse).toBeLessThanOrEqual(0.0101);
      expect(result.steps).toBe(result.epochs);
    }
    const text = rprop(['train', 'xor', '--hidden', '4', '--epochs', '3', '--backend', 'cpu', '--engine', 'fused']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('network 2-4-1, fused engine');
    // Piped, the progress line at epoch 1 comes from the engine's own forward pass.
    expect(text.stderr).toMatch(/^epoch 1\/3  MSE \d\.\d{4}e-\d+  bit-fail \d$/m);
  });

  it('is deterministic with --seed', () => {
    const run = () => lastJson(rprop(['train', 'parity8', '--hidden', '8', '--epochs', '30', '--seed', '7', '--json', '--backend', 'cpu', '--engine', 'fused']).stdout);
    const [a, b] = [run(), run()];
    expect(a.trainMse).toBe(b.trainMse);
    expect(a.epochs).toBe(30);
  });

  // Same start, same optimizer: at the start the engines differ only by rounding (summation order, the
  // exp in tanh and sigmoid). Rprop reads only the gradients' signs, so while no sign differs they take
  // the very same steps and end with the same weights, bit for bit; a near-zero gradient whose sign the
  // rounding flips parts them by one step of one weight (two-spirals here, from its first step).
  it.each([
    ['parity8', [8], 'tanh', 'irprop-', true],
    ['encoder-10-5-10', [5], 'sigmoid', 'rprop+', true],
    ['xor', [3], 'relu', 'rprop-', true],
    ['two-spirals', [6, 5], 'tanh', 'irprop+', false],
  ] as const)('%s, hidden %j (%s), %s: the TF.js engine\'s MSEs (same weights: %s)', async (set, hidden, activation, variant, sameWeights) => {
    await tf.setBackend('cpu');
    const data = BUILTIN[set]!();
    const run = (engine: 'tfjs' | 'fused') => train(data, { hidden: [...hidden], activation, optimizer: 'rprop', variant, epochs: 4, seed: 3, engine, quiet: true });
    const [tfjs, fused] = [await run('tfjs'), await run('fused')];
    expect(fused.curve).toHaveLength(tfjs.curve.length);
    const off = fused.curve.map((mse, i) => Math.abs(mse - tfjs.curve[i]!) / tfjs.curve[i]!);
    expect(off[0], 'the starting point: rounding only').toBeLessThan(1e-6);
    const weights = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    if (sameWeights) {
      expect(weights(fused.model)).toEqual(weights(tfjs.model));
      off.forEach((d, i) => expect(d, `epoch ${i}`).toBeLessThan(1e-6));
    } else {
      off.forEach((d, i) => expect(d, `epoch ${i}`).toBeLessThan(1e-3));
    }
    // …and are its own: the fused kernel sums the squared errors in float64, TF.js in float32, so
    // equal curves throughout would mean the TF.js engine ran twice.
    expect(fused.curve.some((mse, i) => mse !== tfjs.curve[i])).toBe(true);
    expect(fused.steps).toBe(4);
    // The trained weights are in the model the run returns: it evaluates to the MSE the run reported.
    const x = tf.tensor2d(data.x, [data.count, data.inputs]);
    const y = tf.tensor2d(data.y, [data.count, data.outputs]);
    expect(evaluate(fused.model, x, y).mse).toBe(fused.trainMse);
    tf.dispose([x, y]);
    for (const m of [tfjs.model, fused.model]) {
      m.optimizer.dispose();
      m.dispose();
    }
  });

  it('--save writes the model with an optimizer model.fit goes on with', async () => {
    const folder = join(dir, 'saved');
    const r = rprop(['train', 'xor', '--hidden', '3', '--epochs', '6', '--variant', 'irprop+', '--backend', 'cpu', '--engine', 'fused', '--save', folder, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8'));
    const weights = readFileSync(join(folder, 'weights.bin'));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: manifest.modelTopology, weightSpecs: manifest.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength), trainingConfig: manifest.trainingConfig }),
    );
    const saved = await model.optimizer.getWeights();
    expect(saved[0]!.tensor.dataSync()[0]).toBe(6); // the iteration count: six steps
    expect(saved.filter((w) => w.name.endsWith('/prevUpdate')).map((w) => w.name.replace(/\/prevUpdate$/, ''))).toEqual(model.trainableWeights.map((w) => w.originalName));
    const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = tf.tensor2d([[0], [1], [1], [0]]);
    expect(evaluate(model, x, y).mse).toBeCloseTo(lastJson(r.stdout).trainMse, 6);
    const history = await model.fit(x, y, { epochs: 3, batchSize: 4, verbose: 0 });
    expect((history.history.loss ?? []).every((l) => Number.isFinite(l as number))).toBe(true);
    tf.dispose([x, y]);
  });

  it('refuses what it cannot do: another optimizer, mini-batches; one line, exit 2', () => {
    expectOneLineError(
      rprop(['train', 'xor', '--engine', 'fused', '--optimizer', 'adam', '--backend', 'cpu']),
      2,
      /^rprop: --engine fused: the fused engine steps only --optimizer rprop, and the optimizer is adam$/,
    );
    expectOneLineError(
      rprop(['train', 'xor', '--engine', 'fused', '--batch-size', '2', '--backend', 'cpu']),
      2,
      /^rprop: --engine fused: the fused engine trains full batch only, and --batch-size 2 is below the 4 samples of xor$/,
    );
    // A --batch-size of the whole set or more is full batch: allowed.
    const whole = rprop(['train', 'xor', '--engine', 'fused', '--batch-size', '4', '--epochs', '2', '--json', '--backend', 'cpu']);
    expect(whole.status, whole.stderr).toBe(0);
    expect(lastJson(whole.stdout)).toMatchObject({ engine: 'fused', batchSize: 4 });
  });
});

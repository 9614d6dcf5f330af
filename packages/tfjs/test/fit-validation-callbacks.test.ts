import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { data, firstDifference, smallModel, weightsOf } from './helpers.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, saveAndLoad, tensorsLeftBySteps } from './model-training.js';

// fit with validationSplit trains on the first samples and only evaluates the rest, every epoch:
// the evaluation must not step the optimizer (nor, for the + variants, hand it a loss). Callbacks
// see each epoch's logs and may stop training.

function compiled(optimizer: tf.Optimizer): tf.LayersModel {
  const model = smallModel(3);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

/** fit on all 16 samples with the last quarter held out, full batch over the 12 trained on. */
async function fitWithValidation(model: tf.LayersModel, epochs: number, callbacks: tf.CustomCallbackArgs = {}): Promise<tf.History> {
  const { x, y } = data();
  const history = await model.fit(x, y, { epochs, batchSize: 12, shuffle: false, verbose: 0, validationSplit: 0.25, callbacks });
  tf.dispose([x, y]);
  return history;
}

/** fit on the first 12 samples alone, no validation. */
async function fitFirstTwelve(model: tf.LayersModel, epochs: number): Promise<void> {
  const { x, y } = data();
  const [x12, y12] = [x.slice(0, 12), y.slice(0, 12)];
  await model.fit(x12, y12, { epochs, batchSize: 12, shuffle: false, verbose: 0 });
  tf.dispose([x, y, x12, y12]);
}

describe('model.fit with validationSplit and callbacks', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: validation steps nothing: equals fit on the training part alone, bit for bit', async (_label, make) => {
    const validated = compiled(make());
    const history = await fitWithValidation(validated, 15);
    const plain = compiled(make());
    await fitFirstTwelve(plain, 15);
    expect(firstDifference(weightsOf(validated), weightsOf(plain))).toBeNull();
    expect(validated.optimizer.iterations).toBe(15);
    const losses = history.history.loss as number[];
    expect(losses[14]).toBeLessThan(losses[0]!);
    expect(history.history.val_loss).toHaveLength(15);
    expect(await tensorsLeftBySteps(validated, fitWithValidation)).toBe(0);
    for (const m of [validated, plain]) (m.optimizer.dispose(), m.dispose());
  });

  it.each(MODEL_OPTIMIZERS)('%s: callbacks see every epoch, and one that stops training stops the steps', async (_label, make) => {
    const model = compiled(make());
    const seen: number[] = [];
    await fitWithValidation(model, 10, {
      onEpochEnd: async (epoch, logs) => {
        seen.push(epoch);
        expect(Number.isFinite(logs?.val_loss)).toBe(true);
        if (epoch === 3) model.stopTraining = true;
      },
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(model.optimizer.iterations).toBe(4);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: a checkpoint saved from a callback mid-fit, loaded and fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    const straight = compiled(make());
    await fitWithValidation(straight, 6);
    const checkpointed = compiled(make());
    let checkpoint: Promise<tf.LayersModel> | undefined;
    await fitWithValidation(checkpointed, 6, { onEpochEnd: async (epoch) => void (epoch === 2 && (checkpoint = saveAndLoad(checkpointed))) });
    const resumed = await checkpoint!;
    await fitWithValidation(resumed, 3);
    expect(firstDifference(weightsOf(checkpointed), weightsOf(straight)), 'the checkpointed run itself').toBeNull();
    expect(firstDifference(weightsOf(resumed), weightsOf(straight)), 'resumed from the checkpoint').toBeNull();
    for (const m of [straight, checkpointed, resumed]) (m.optimizer.dispose(), m.dispose());
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => compiled(make()), fitWithValidation, 4);
  });
});

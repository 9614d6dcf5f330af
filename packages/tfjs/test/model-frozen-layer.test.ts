import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference, weightsOf } from './helpers.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, firstSlotOf, slotOwnerNames, tensorsLeftBySteps, variableNames } from './model-training.js';

// `layer.trainable = false` makes its variables non-trainable. Set before compile, fit never lists
// them. Set after compile (no recompile, as TF.js then warns), fit still lists them but computes no
// gradient for them: they keep their place and their slots, and move again once unfrozen. A model
// saved while a layer is frozen loads compiled without it: the optimizer must save the slots of the
// variables the loaded model trains, in their order, and no others.

/** Dense 3→4 → Dense 4→4 → Dense 4→4 → Dense 4→1, seeded: the middle two have equal shapes. */
function fourDense(optimizer: tf.Optimizer, frozenFromStart?: number): tf.LayersModel {
  const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', kernelInitializer: seeded(20) }),
      tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: seeded(21) }),
      tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: seeded(22) }),
      tf.layers.dense({ units: 1, kernelInitializer: seeded(23) }),
    ],
  });
  if (frozenFromStart !== undefined) model.layers[frozenFromStart]!.trainable = false;
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const x = tf.tensor2d(Array.from({ length: 30 }, (_, i) => Math.sin(i * 1.1)), [10, 3]);
  const y = tf.tensor2d(Array.from({ length: 10 }, (_, i) => Math.cos(i)), [10, 1]);
  const history = await model.fit(x, y, { epochs, batchSize: 10, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return history.history.loss as number[];
}

const valuesOf = (layer: tf.layers.Layer) => layer.getWeights().flatMap((w) => Array.from(w.dataSync()));

/** fit, with layer 1 frozen from step 3 to step 6 and unfrozen after: TF.js warns of the change. */
async function freezeMidway(model: tf.LayersModel, steps: number): Promise<void> {
  const layer = model.layers[1]!;
  for (let t = 0; t < steps; t++) {
    layer.trainable = t < 3 || t >= 6;
    await fitFullBatch(model, 1);
  }
}

describe('a layer frozen from the start', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: gets no slots and stays put; the others train; steps leak nothing', async (_label, make) => {
    const model = fourDense(make(), 1);
    const frozen = valuesOf(model.layers[1]!);
    const losses = await fitFullBatch(model, 20);
    expect(losses[19]).toBeLessThan(losses[0]!);
    expect(valuesOf(model.layers[1]!)).toEqual(frozen);
    expect(await slotOwnerNames(model.optimizer, firstSlotOf(model.optimizer))).toEqual(variableNames(model.trainableWeights));
    expect(await tensorsLeftBySteps(model, fitFullBatch)).toBe(0);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => fourDense(make(), 1), fitFullBatch, 4);
  });
});

describe('a layer frozen after some steps, without recompiling, then unfrozen', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: while frozen it stays put and keeps its slots as they were; unfrozen, it trains on from them', async (_label, make) => {
    const model = fourDense(make());
    const layer = model.layers[1]!;
    await fitFullBatch(model, 3);
    const names = (await model.optimizer.getWeights()).map((w) => w.name);
    const slotsOf = async () => (await model.optimizer.getWeights()).filter((w) => w.name.startsWith(`${variableNames(layer.weights)[0]}/`)).map((w) => Array.from(w.tensor.dataSync()));
    const slots = await slotsOf();
    layer.trainable = false;
    const frozen = valuesOf(layer);
    await fitFullBatch(model, 3);
    expect(valuesOf(layer)).toEqual(frozen);
    // TF.js lists a frozen layer's weights after the trainable ones (model.getWeights/setWeights order
    // changes); the optimizer's weights keep their order, leaving the frozen layer's slots out.
    const [kernel, bias] = variableNames(layer.weights);
    expect(variableNames(model.weights.slice(-2))).toEqual([kernel, bias]);
    const frozenNames = (await model.optimizer.getWeights()).map((w) => w.name);
    expect(frozenNames).toEqual(names.filter((n) => !n.startsWith(`${kernel}/`) && !n.startsWith(`${bias}/`)));
    layer.trainable = true;
    // Unfrozen, the weights are the same list in the same order as before the freeze.
    expect((await model.optimizer.getWeights()).map((w) => w.name)).toEqual(names);
    expect(await slotsOf()).toEqual(slots);
    await fitFullBatch(model, 1);
    expect(valuesOf(layer)).not.toEqual(frozen);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: saved while frozen, loaded (compiled without the layer), fit on = uninterrupted, bit for bit', async (_label, make) => {
    // The middle layers have equal shapes: slots bound one place off would pass every shape check.
    const frozenAfterThree = async (model: tf.LayersModel, steps: number) => {
      for (let t = 0; t < steps; t++) {
        if (model.optimizer.iterations === 3) model.layers[1]!.trainable = false;
        await fitFullBatch(model, 1);
      }
    };
    await expectResumeEqualsStraight(() => fourDense(make()), frozenAfterThree, 4);
  });

  it.each(MODEL_OPTIMIZERS)('%s: frozen for three steps and unfrozen: every step counts, and steps leak nothing', async (_label, make) => {
    const model = fourDense(make());
    await freezeMidway(model, 9);
    expect(model.optimizer.iterations).toBe(9);
    expect(await tensorsLeftBySteps(model, fitFullBatch)).toBe(0);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: recompiled with the same optimizer after the freeze, fit is refused, naming the variable, as any other list is', async (_label, make) => {
    const model = fourDense(make());
    await fitFullBatch(model, 2);
    model.layers[1]!.trainable = false;
    model.compile({ optimizer: model.optimizer, loss: 'meanSquaredError' });
    const before = weightsOf(model);
    const moved = variableNames(model.layers[2]!.weights)[0];
    await expect(fitFullBatch(model, 1)).rejects.toThrow(`variable '${moved}' is at position 2, where this optimizer keeps the slots of variable '${variableNames(model.layers[1]!.weights)[0]}'`);
    expect(firstDifference(weightsOf(model), before)).toBeNull();
    model.optimizer.dispose();
    model.dispose();
  });
});

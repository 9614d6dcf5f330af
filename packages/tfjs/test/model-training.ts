import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';
import { firstDifference, fitOnData, weightsOf } from './helpers.js';

/**
 * The optimizers the model scenarios train with: both Rprop families (the + variants also compare
 * the loss fit hands them), and the two momentum optimizers. Rates small enough that a few full-batch
 * steps lower the loss of the small models here.
 */
export const MODEL_OPTIMIZERS: Array<[string, () => tf.Optimizer]> = [
  ['irprop-', () => new RpropOptimizer({ variant: 'irprop-', lr: 0.01 })],
  ['irprop+', () => new RpropOptimizer({ variant: 'irprop+', lr: 0.01 })],
  ['Signum', () => new SignumOptimizer({ lr: 0.01 })],
  ['Lion', () => new LionOptimizer({ lr: 0.005, weightDecay: 0.01 })],
];

/** Saves `model` with its optimizer in memory and loads it back, as a user resuming training would. */
export async function saveAndLoad(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  const keep = tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  });
  await model.save(keep, { includeOptimizer: true });
  return tf.loadLayersModel(tf.io.fromMemory(saved!));
}

/** Every value the optimizer saves ([iterations, scalars…, slots]), without names (a loaded model's variables are named anew). */
export async function optimizerValues(optimizer: tf.Optimizer): Promise<number[][]> {
  return (await optimizer.getWeights()).map((w) => Array.from(w.tensor.dataSync()));
}

/**
 * Trains a model built by `build` (compiled, seeded: two calls give equal models) for `steps + steps`
 * rounds of `train`, once straight and once saved with the optimizer, loaded and continued, and
 * expects equal model weights (non-trainable ones included) and optimizer state, bit for bit.
 */
export async function expectResumeEqualsStraight(build: () => tf.LayersModel, train: (model: tf.LayersModel, steps: number) => Promise<unknown>, steps: number): Promise<void> {
  const straight = build();
  await train(straight, 2 * steps);
  const first = build();
  await train(first, steps);
  const resumed = await saveAndLoad(first);
  expect(resumed.optimizer.getClassName()).toBe(straight.optimizer.getClassName());
  await train(resumed, steps);
  expect(firstDifference(weightsOf(resumed), weightsOf(straight)), 'model weights').toBeNull();
  const [a, b] = [await optimizerValues(resumed.optimizer), await optimizerValues(straight.optimizer)];
  expect(a.length, 'optimizer weight count').toBe(b.length);
  a.forEach((values, k) => expect(firstDifference(values, b[k]!), `optimizer weight ${k}`).toBeNull());
  for (const m of [straight, first, resumed]) {
    m.optimizer.dispose();
    m.dispose();
  }
}

/**
 * How many tensors `train(model, n)` leaves behind over `n` more steps once one step has made whatever
 * the optimizer keeps (slots, saved scalars): 0 for a step that leaks nothing.
 */
export async function tensorsLeftBySteps(model: tf.LayersModel, train: (model: tf.LayersModel, steps: number) => Promise<unknown>, n = 3): Promise<number> {
  await train(model, 1);
  const before = tf.memory().numTensors;
  await train(model, n);
  return tf.memory().numTensors - before;
}

/**
 * Trains `model` for `steps` rounds of `train` (which returns the loss of each), expects the last loss
 * below `factor` times the first and no tensor left behind by further steps, then disposes the model
 * and its optimizer.
 */
export async function expectTrainsWithoutLeaks(model: tf.LayersModel, train: (model: tf.LayersModel, steps: number) => Promise<number[]>, steps: number, factor = 1): Promise<void> {
  const losses = await train(model, steps);
  expect(losses[steps - 1]).toBeLessThan(losses[0]! * factor);
  expect(await tensorsLeftBySteps(model, train)).toBe(0);
  model.optimizer.dispose();
  model.dispose();
}

/**
 * Trains a model built by `build` (compiled, seeded: two calls give equal models, fitted to `data()`)
 * for `steps` rounds of `train` (which returns the loss of each), and another for `steps` epochs of
 * full-batch `fit`; expects the last loss below the first, the two models' weights equal bit for bit
 * (the same steps however they are driven) and no tensor left behind by further rounds, then disposes both.
 */
export async function expectSameStepsAsFit(build: () => tf.LayersModel, train: (model: tf.LayersModel, steps: number) => Promise<number[]>, steps: number): Promise<void> {
  const trained = build();
  const losses = await train(trained, steps);
  expect(losses[steps - 1]).toBeLessThan(losses[0]!);
  const fitted = build();
  await fitOnData(fitted, steps);
  expect(firstDifference(weightsOf(trained), weightsOf(fitted))).toBeNull();
  expect(await tensorsLeftBySteps(trained, train)).toBe(0);
  for (const m of [trained, fitted]) {
    m.optimizer.dispose();
    m.dispose();
  }
}

/** The names of the optimizer's saved slots, without the slot suffix, in order: the variables it keeps state for. */
export async function slotOwnerNames(optimizer: tf.Optimizer, slot: string): Promise<string[]> {
  return (await optimizer.getWeights()).filter((w) => w.name.endsWith(`/${slot}`)).map((w) => w.name.slice(0, -(slot.length + 1)));
}

/** The first slot each optimizer of MODEL_OPTIMIZERS saves per variable. */
export function firstSlotOf(optimizer: tf.Optimizer): string {
  return optimizer.getClassName() === 'Rprop' ? 'prev' : 'momentum';
}

/** The names of the tf.Variables behind a model's or layer's weights (`model.trainableWeights`), in order. */
export function variableNames(weights: ReadonlyArray<{ read(): tf.Tensor }>): string[] {
  return weights.map((w) => (w.read() as tf.Variable).name);
}

import * as tf from '@tensorflow/tfjs';

/** A small MLP with seeded initial weights, for deterministic training. */
export function smallModel(seed = 1): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 5, inputShape: [3], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
}

/** Fixed data: 16 samples, 3 inputs, 2 outputs. */
export function data(): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = tf.tensor2d(Array.from({ length: 48 }, (_, i) => Math.sin(i * 1.7)), [16, 3]);
  const y = tf.tensor2d(Array.from({ length: 32 }, (_, i) => Math.cos(i * 0.9)), [16, 2]);
  return { x, y };
}

/** Fits `model` to `data()` for `epochs` epochs in one batch of 16, unshuffled: the full-batch steps other ways of training are held to. */
export async function fitOnData(model: tf.LayersModel, epochs: number): Promise<void> {
  const { x, y } = data();
  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
}

/** Every weight value of the model, flattened. */
export function weightsOf(model: tf.LayersModel): number[] {
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}

/** Index of the first value that is not identical (Object.is), or null. −0 is shown as -0. */
export function firstDifference(a: number[], b: number[]): string | null {
  if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `index ${i}: ${show(a[i]!)} ≠ ${show(b[i]!)}`;
  return null;
}

function show(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * The update paths rprop-tfjs claims equal to the core, as [backend, composed ops]: the fused paths on
 * cpu and wasm, and the composed ops (webgl's and webgpu's path) on cpu. Not the composed ops on wasm,
 * whose tf.sign is 0 below float32's epsilon (docs/tfjs.md, Backends).
 */
export const CLAIMED_PATHS = [
  ['cpu', false],
  ['cpu', true],
  ['wasm', false],
] as const;

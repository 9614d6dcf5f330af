import * as tf from '@tensorflow/tfjs-core';
import { firstNonFinite } from 'rprop/kernels';
import type { BackendArrays } from './backend-arrays.js';

/** Where a step's first NaN or ±Infinity gradient value is. */
export interface NonFiniteGradient {
  readonly name: string;
  readonly index: number;
  readonly value: number;
}

/**
 * The first NaN or ±Infinity among a step's gradients (in the given order), or null.
 *
 * With the backend's typed arrays (`cpu`, `wasm`) each gradient is scanned in place by the core's SIMD
 * check. Elsewhere (`webgl`, `webgpu`) the test runs on the device and a single boolean is read back:
 * reading every gradient to the CPU on every step would stall the device and copy the whole model's
 * gradients. Only when that boolean says a value is bad are the gradients read, to name the first.
 */
export function firstNonFiniteGradient(
  entries: readonly (readonly [string, tf.Tensor | null | undefined])[],
  arrays: BackendArrays | null,
): NonFiniteGradient | null {
  const given = entries.filter((e): e is readonly [string, tf.Tensor] => e[1] != null);
  if (arrays === null && given.length > 0) {
    const allFinite = tf.tidy(() => tf.all(tf.stack(given.map(([, g]) => tf.all(tf.isFinite(g))))));
    const ok = allFinite.dataSync()[0] === 1;
    allFinite.dispose();
    if (ok) return null;
  }
  for (const [name, gradient] of given) {
    const values = arrays?.read(gradient) ?? (gradient.dataSync() as Float32Array);
    const index = firstNonFinite(values);
    if (index >= 0) return { name, index, value: values[index]! };
  }
  return null;
}

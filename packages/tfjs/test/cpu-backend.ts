import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

/**
 * Runs the enclosing suite's tests on TF.js's cpu backend, set before its first test: otherwise TF.js
 * picks the registered backend of highest priority (wasm, where ./wasm-backend.js is imported).
 * Call it at the top of a file or of a `describe` body, not inside a test.
 */
export function onCpuBackend(): void {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
}

import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { Rprop } from 'rprop';
import { afterAll, describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { firstDifference } from './helpers.js';

/** The wasm backend's heap size now, in bytes. */
async function wasmHeapBytes(): Promise<number> {
  const current = tf.getBackend();
  await tf.setBackend('wasm');
  const bytes = (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
  await tf.setBackend(current);
  return bytes;
}

/** Step t's gradient: signs that hold, flip and are zero. */
function gradient(n: number, t: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => ((i * 7 + t * 3) % 5) - 2);
}

let made = 0;

/**
 * Four irprop+ steps on one variable, two on cpu and two on wasm. The variable alone is larger than
 * the wasm heap, so moving it and its slots there grows the heap (which detaches the old views).
 */
async function switchMidway(): Promise<void> {
  await tf.setBackend('cpu');
  const n = (await wasmHeapBytes()) / 4 + 1024;
  const init = Float32Array.from({ length: n }, (_, i) => (i % 11) - 5);
  const v = tf.tidy(() => tf.variable(tf.tensor1d(init), true, `switched${++made}`));
  const opt = new RpropOptimizer({ variant: 'irprop+' });
  const p = { data: init.slice(), grad: null as Float32Array | null };
  const core = new Rprop([p], { variant: 'irprop+' });
  for (let t = 0; t < 4; t++) {
    if (t === 2) await tf.setBackend('wasm');
    const g = gradient(n, t);
    const tensor = tf.tensor1d(g);
    opt.setLoss(10 - t);
    opt.applyGradients([{ name: v.name, tensor }]);
    tensor.dispose();
    p.grad = g;
    core.step(() => 10 - t);
  }
  expect(tf.getBackend()).toBe('wasm');
  expect(firstDifference(Array.from(v.dataSync()), Array.from(p.data))).toBeNull();
  opt.dispose();
  v.dispose();
}

describe('training on cpu, then on wasm', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('continues exactly as the core does when the state moved to wasm grows its heap', async () => {
    await switchMidway();
  });
});

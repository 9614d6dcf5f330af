import * as tf from '@tensorflow/tfjs';
import { NonFiniteGradientError } from 'rprop';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// The composed-ops path is what webgl and webgpu run; forceComposedOps runs it on cpu. There a step
// must not read the gradients back to the CPU: only the device-side finiteness test's one boolean
// (and, for the + variants, the scalar loss).

let made = 0;

/** Sizes of the tensors read back to the CPU while `run` runs. */
function readBackSizes(run: () => void): number[] {
  const sizes: number[] = [];
  for (const method of ['dataSync', 'data', 'arraySync', 'array'] as const) {
    const original = tf.Tensor.prototype[method] as (this: tf.Tensor) => unknown;
    vi.spyOn(tf.Tensor.prototype, method).mockImplementation(function (this: tf.Tensor) {
      sizes.push(this.size);
      return original.call(this) as never;
    });
  }
  try {
    run();
  } finally {
    vi.restoreAllMocks();
  }
  return sizes;
}

describe('composed ops (webgl, webgpu): the gradient check on the device', () => {
  onCpuBackend();
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['irprop-', () => new RpropOptimizer()],
    ['irprop+', () => new RpropOptimizer({ variant: 'irprop+' })],
    ['Signum', () => new SignumOptimizer()],
    ['Lion', () => new LionOptimizer()],
  ] as const)('%s: a step reads back no tensor larger than one value', (_name, make) => {
    const w = tf.variable(tf.randomNormal([64, 32], 0, 1, 'float32', 7), true, `readback${++made}`);
    const target = tf.randomNormal([64, 32], 0, 1, 'float32', 8);
    const opt = make();
    opt.forceComposedOps = true;
    const loss = () => tf.sum(tf.square(tf.sub(w, target))) as tf.Scalar;
    opt.minimize(loss); // the first step makes the slots
    const before = w.dataSync().slice();
    const sizes = readBackSizes(() => opt.minimize(loss));
    expect(sizes.filter((s) => s > 1)).toEqual([]);
    expect(sizes.length).toBeGreaterThan(0); // the finiteness test's boolean was read
    expect(Array.from(w.dataSync())).not.toEqual(Array.from(before)); // and the step was taken
    tf.dispose([w, target]);
    opt.dispose();
  });

  it('a bad gradient is still named by variable, index and value, nothing changed', () => {
    const a = tf.variable(tf.tensor1d([1, 2]), true, `readbackA${++made}`);
    const b = tf.variable(tf.tensor1d([3, 4, 5]), true, `readbackB${made}`);
    const opt = new RpropOptimizer();
    opt.forceComposedOps = true;
    const grads = [tf.tensor1d([1, 1]), tf.tensor1d([1, 1, -Infinity])];
    const n0 = tf.memory().numTensors;
    let refusal: unknown;
    try {
      opt.applyGradients([{ name: a.name, tensor: grads[0]! }, { name: b.name, tensor: grads[1]! }]);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(NonFiniteGradientError);
    expect(refusal).toMatchObject({ message: `RpropOptimizer: the gradient of '${b.name}' is -Infinity at index 2; nothing was changed`, index: 2, value: -Infinity });
    expect(tf.memory().numTensors).toBe(n0);
    expect(Array.from(a.dataSync())).toEqual([1, 2]);
    expect(Array.from(b.dataSync())).toEqual([3, 4, 5]);
    tf.dispose([a, b, ...grads]);
    opt.dispose();
  });
});

import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { Rprop, VARIANTS, type RpropOptions } from 'rprop';
import { afterAll, describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { CLAIMED_PATHS } from './helpers.js';

// Minimal cases that core-equality.property.test.ts found, each a difference from the core optimizer.

let made = 0;

/** The weight and Δ after one step from `w0` with gradient `g` (loss 1). */
async function tfStep(options: Partial<RpropOptions>, composed: boolean, w0: number, g: number): Promise<[number, number]> {
  const v = tf.variable(tf.tensor1d([w0]), true, `regression${++made}`);
  const opt = new RpropOptimizer(options);
  opt.forceComposedOps = composed;
  const grad = tf.tensor1d([g]);
  opt.setLoss(1);
  opt.applyGradients([{ name: v.name, tensor: grad }]);
  const stepSize = (await opt.getWeights()).find((w) => w.name === `${v.name}/stepSize`)!.tensor.dataSync()[0]!;
  const out: [number, number] = [v.dataSync()[0]!, stepSize];
  tf.dispose([v, grad]);
  opt.dispose();
  return out;
}

function coreStep(options: Partial<RpropOptions>, w0: number, g: number): [number, number] {
  const p = { data: new Float32Array([w0]), grad: new Float32Array([g]) };
  const opt = new Rprop([p], options);
  opt.step(() => 1);
  return [p.data[0]!, (opt.stateDict().state['0']!.stepSize as number[])[0]!];
}

describe.each(CLAIMED_PATHS)('on %s (composed ops: %s)', (backend, composed) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(VARIANTS)('%s: an lr of −0 starts Δ at +0, as the core does (it decides the sign of a zero weight)', async (variant) => {
    expect(await tf.setBackend(backend)).toBe(true);
    const options = { variant, lr: -0, stepSizes: [0, 1] as const };
    // Δ = +0, so w = −0 − sign(1)·(+0) = −0; a Δ of −0 gave −0 + 0 = +0.
    expect(await tfStep(options, composed, -0, 1)).toEqual([-0, 0]);
    expect(coreStep(options, -0, 1)).toEqual([-0, 0]);
  });

  // The composed ops clamped Δ with tf.clipByValue, which for Δmin === Δmax returns Δmin everywhere;
  // and the core takes a bound of −0 as +0 (Δ = −0 would move a weight of −0, on some paths only).
  it.each(VARIANTS)('%s: Δmin and Δmax zeros of either sign clamp as in the core, to +0', async (variant) => {
    expect(await tf.setBackend(backend)).toBe(true);
    for (const stepSizes of [[0, -0], [-0, 0], [-0, -0]] as const) {
      // Δ = 1·1 > Δmax, so Δ = +0 and w = −0 − sign(1)·(+0) = −0.
      const options = { variant, lr: 1, stepSizes };
      expect(await tfStep(options, composed, -0, 1)).toEqual([-0, 0]);
      expect(coreStep(options, -0, 1)).toEqual([-0, 0]);
    }
  });
});

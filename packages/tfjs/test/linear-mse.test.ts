import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitLinear } from '../examples/linear-mse.js';
import { onCpuBackend } from './cpu-backend.js';

interface LinearTrace {
  x: number[];
  y: number[];
  weightInit: number[];
  biasInit: number[];
  steps: Array<{ loss: number }>;
}

const trace = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'linear-mse-float64.json'), 'utf8')) as LinearTrace;

describe('the Linear(3, 2) + MSE example (examples/linear-mse.ts)', () => {
  onCpuBackend();

  it("tracks PyTorch's float64 loss sequence within 1e-4 relative for 120 steps, in float32", () => {
    // PyTorch's weight is [out, in] row-major; a TF.js dense kernel is [in, out].
    const w = trace.weightInit;
    const kernel = [0, 1, 2].map((i) => [w[i]!, w[3 + i]!]);
    const x = tf.tensor2d(trace.x, [10, 3]);
    const y = tf.tensor2d(trace.y, [10, 2]);
    const losses = fitLinear(x, y, 120, { kernel, bias: trace.biasInit });
    const worst = Math.max(...losses.map((l, t) => Math.abs(l - trace.steps[t]!.loss) / trace.steps[t]!.loss));
    expect(worst).toBeLessThan(1e-4);
    expect(losses[119]).toBeLessThan(losses[0]!);
    tf.dispose([x, y]);
  });
});

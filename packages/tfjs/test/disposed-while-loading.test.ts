import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, step } from './helpers-state.js';

let made = 0;

// setWeights awaits the values it checks: dispose() may come meanwhile. Loading then would give a
// disposed optimizer new slots that nothing frees (dispose has run), and resolve as if it had worked.
describe('an optimizer disposed while setWeights reads the weights', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: setWeights is refused and makes no tensor', async (label, make) => {
    const w = tf.tidy(() => tf.variable(tf.tensor1d([1, -2, 3]), true, `disposedLoading${++made}`));
    const g = tf.tensor1d([1, -1, 1]);
    const source = make();
    step(source, [{ name: w.name, tensor: g }], 3);
    const weights = (await source.getWeights()).map((s) => ({ name: s.name, tensor: s.tensor.clone() }));
    source.dispose();
    const opt = make();
    const n0 = tf.memory().numTensors;
    const loading = opt.setWeights(weights);
    opt.dispose();
    await expect(loading).rejects.toThrow(`${ownerOf(label)}: this optimizer was disposed; make a new one`);
    expect(tf.memory().numTensors).toBe(n0);
    tf.dispose([w, g, ...weights.map((x) => x.tensor)]);
  });
});

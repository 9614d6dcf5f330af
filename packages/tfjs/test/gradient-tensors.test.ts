import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step } from './helpers-state.js';

let made = 0;

describe.each([false, true])('a gradient that is not a live tensor (composed ops: %s)', (composed) => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: is refused by name, changing nothing', async (label, make) => {
    const owner = ownerOf(label);
    const a = tf.tidy(() => tf.variable(tf.tensor1d([1, -2]), true, `live${++made}`));
    const w = tf.tidy(() => tf.variable(tf.tensor1d([3, 4, -5]), true, `live${++made}`));
    const opt = make();
    opt.forceComposedOps = composed;
    const ga = tf.ones([2]);
    const disposed = tf.ones([3]);
    disposed.dispose();
    const before = await snapshot(opt, [a, w]);
    expect(() => step(opt, [{ name: a.name, tensor: ga }, { name: w.name, tensor: disposed }])).toThrow(
      `${owner}: the gradient of '${w.name}' has been disposed; nothing was changed`,
    );
    expect(() => step(opt, [{ name: a.name, tensor: ga }, { name: w.name, tensor: [1, 1, 1] as never }])).toThrow(
      `${owner}: the gradient of '${w.name}' must be a tf.Tensor, got [1, 1, 1]; nothing was changed`,
    );
    expect(await snapshot(opt, [a, w])).toEqual(before);
    tf.dispose([a, w, ga]);
    opt.dispose();
  });
});

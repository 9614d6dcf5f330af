import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, step } from './helpers-state.js';

let made = 0;

// After setWeights, getWeights named a slot after the variable last stepped at its position, or by the
// position where none had been: stepping one variable auto-named '7' (TF.js names unnamed variables
// by number) and then loading eight variables' slots saved '7/…' twice (positions 0 and 7). The model
// loader looks weights up by name, so one would silently replace the other. Loaded slots keep the
// names they were saved under (as TF.js's Adam keeps a loaded slot's name), so none repeats.
describe('slot names after setWeights', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: are the saved names, none repeated', async (_label, make) => {
    made += 1;
    const many = Array.from({ length: 8 }, (_, k) => tf.variable(tf.tensor1d([k + 1, -k - 2]), true, `loadedName${made}_${k}`));
    const g = tf.ones([2]);
    const source: SlotOptimizer = make();
    step(source, many.map((v) => ({ name: v.name, tensor: g })));
    const saved = await source.getWeights();
    const savedNames = saved.map((w) => w.name);

    const earlier = tf.variable(tf.tensor1d([3, 4]), true, `steppedBeforeLoad${made}`);
    const opt: SlotOptimizer = make();
    step(opt, [{ name: earlier.name, tensor: g }]);
    await opt.setWeights(saved);
    const names = (await opt.getWeights()).map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(1)).toEqual(savedNames.slice(1));

    tf.dispose([...many, earlier, g]);
    source.dispose();
    opt.dispose();
  });
});

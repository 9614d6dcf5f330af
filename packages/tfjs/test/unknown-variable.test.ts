import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step, trained } from './helpers-state.js';

// Variables are looked up by name in TF.js's registry, a plain object: a name such as 'constructor'
// found Object.prototype's member there, and failed with "variable 'toString' is undefined …" or a
// bare "Cannot read properties of undefined" after the step had begun recording that name.
describe('a gradient for a name no variable has', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: is refused, naming it, and changes nothing', async (label, make) => {
    const owner = ownerOf(label);
    const opt: SlotOptimizer = make();
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const g = tf.onesLike(vars[0]!);
    const n0 = tf.memory().numTensors;
    for (const name of ['noSuchVariable', 'toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      for (const tensor of [g, null, undefined]) {
        const given = [...vars.map((v) => ({ name: v.name, tensor: g })), { name, tensor: tensor as tf.Tensor }];
        expect(() => step(opt, given)).toThrow(`${owner}: no variable named '${name}'; nothing was changed`);
      }
    }
    expect(tf.memory().numTensors).toBe(n0);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, g]);
    opt.dispose();
  });
});

import type * as tf from '../src/tf.js';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { stageModel } from '../src/output/stage-model.js';
import { tempFolder } from './temp-folder.js';

// What the command cannot be made to meet from outside: the model's encoding failing after it has
// begun writing. The folder it wrote into is the command's own, and must not outlive the failure.
const root = tempFolder('rprop-stage-model-');

/**
 * A model whose save writes its weights, then fails on the topology: what TF.js's `model.save` does
 * with the handler it is given, with a topology JSON cannot encode (a BigInt).
 */
const failingPartWay = {
  save: (handler: tf.io.IOHandler) =>
    handler.save!({ modelTopology: { units: 1n } as never, weightSpecs: [], weightData: new ArrayBuffer(8) }),
} as unknown as tf.LayersModel;

it('a save that fails part-way removes what it wrote aside, leaves the previous model, and passes the error on', async () => {
  const folder = join(root, 'part-way');
  const model = join(folder, 'model');
  mkdirSync(model, { recursive: true });
  writeFileSync(join(model, 'model.json'), 'previous model');
  await expect(stageModel(failingPartWay, model)).rejects.toThrow(/BigInt/);
  expect(readdirSync(folder)).toEqual(['model']); // no model.partial-<pid>, weights.bin and all
  expect(readdirSync(model)).toEqual(['model.json']);
  expect(readFileSync(join(model, 'model.json'), 'utf8')).toBe('previous model');
});

import type * as tf from '@tensorflow/tfjs';
import { atPath, atPathAsync } from '../errors/at-path.js';
import { stageModel } from './stage-model.js';
import { stageFile, type Staged } from './staged.js';

/** What `rprop train` writes: the --plot file and the --save model, each if asked for. */
export interface Outputs {
  plot?: { path: string; svg: string };
  save?: { dir: string; model: tf.LayersModel };
}

/**
 * Writes every output or none. Each is first written aside, beside its destination (the step that
 * fails when a disk fills up or a folder is gone), and only once all of them are written are they
 * moved into place, by renames: the plot's first, the model's swap last. Two renames cannot be one
 * atomic step, so one gap remains: should the model's swap fail after the plot's rename, which
 * takes someone changing its folder in that instant, the plot stays and the previous model is put
 * back. Errors name the path the user gave.
 */
export async function writeOutputs(o: Outputs): Promise<void> {
  const staged: Array<[path: string, output: Staged]> = [];
  try {
    if (o.plot) {
      const { path, svg } = o.plot;
      staged.push([path, atPath(path, () => stageFile(path, svg))]);
    }
    if (o.save) {
      const { dir, model } = o.save;
      staged.push([dir, await atPathAsync(dir, () => stageModel(model, dir))]);
    }
    for (const [path, output] of staged) atPath(path, () => output.commit());
  } finally {
    for (const [, output] of staged) output.discard();
  }
}

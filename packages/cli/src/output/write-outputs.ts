import type * as tf from '../tf.js';
import { atPath, atPathAsync } from '../errors/at-path.js';
import { stageModel } from './stage-model.js';
import { stageFile, type Revertible, type Staged } from './staged.js';

/** What `rprop train` writes: the --plot file and the --save model, each if asked for. */
export interface Outputs {
  plot?: { path: string; svg: string };
  save?: { dir: string; model: tf.LayersModel };
}

/**
 * Writes every output or none. Each is first written aside, beside its destination (the step that
 * fails when a disk fills up or a folder is gone), and only once all of them are written are they
 * moved into place, by renames. The model's swap goes first: it is what can still fail (its folder
 * may have changed during training, or be one that cannot be moved), and it can be undone, which
 * the plot's rename, last, then needs should it fail. Errors name the path the user gave.
 *
 * An interrupt is handled only where this waits, in the model's encoding (what is aside is then
 * removed), or once it is over: never between two renames.
 */
export async function writeOutputs(o: Outputs): Promise<void> {
  let plot: Staged | undefined;
  let model: Revertible | undefined;
  try {
    if (o.plot) {
      const { path, svg } = o.plot;
      plot = atPath(path, () => stageFile(path, svg));
    }
    if (o.save) {
      const { dir, model: layers } = o.save;
      const staged = await atPathAsync(dir, () => stageModel(layers, dir));
      model = staged;
      atPath(dir, () => staged.commit());
    }
    if (o.plot && plot) {
      const { path } = o.plot;
      const staged = plot;
      try {
        atPath(path, () => staged.commit());
      } catch (error) {
        model?.revert();
        throw error;
      }
    }
  } finally {
    plot?.discard();
    model?.discard(); // the new model if it is not in place; else the previous one, moved aside
  }
}

import * as tf from '../tf.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { onInterrupt } from '../interrupt.js';
import { temporaryTaken, type Revertible } from './staged.js';
import { swapFolder } from './swap-folder.js';

/**
 * Writes a LayersModel with its optimizer as `model.json` + `weights.bin` into a temporary folder
 * beside `dir`; `commit` then swaps it for `dir` (see `swapFolder`), so an interrupted save never
 * leaves a half-written model. `dir` must have passed `checkModelFolder`. Should the command be
 * interrupted before `discard`, the temporary folder is removed.
 */
export async function stageModel(model: tf.LayersModel, dir: string): Promise<Revertible> {
  const temporary = `${resolve(dir)}.partial-${process.pid}`;
  const remove = () => rmSync(temporary, { recursive: true, force: true });
  // Before the folder is made: from here on an interrupt waits for a write to end, then removes it.
  const forget = onInterrupt(remove);
  try {
    mkdirSync(temporary); // fails if it exists: a folder we did not make is not ours to fill or delete
  } catch (error) {
    forget();
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw temporaryTaken(dir, `${dir}.partial-${process.pid}`);
    throw error;
  }
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = artifacts.weightData === undefined ? new Uint8Array(0) : new Uint8Array(tf.io.concatenateArrayBuffers(([] as ArrayBuffer[]).concat(artifacts.weightData as ArrayBuffer)));
        writeFileSync(join(temporary, 'weights.bin'), weights);
        const manifest = {
          modelTopology: artifacts.modelTopology,
          trainingConfig: artifacts.trainingConfig,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          // What `--resume` needs of the run besides the model and optimizer (resume/train-record.ts).
          ...(artifacts.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: artifacts.userDefinedMetadata }),
          weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }],
        };
        writeFileSync(join(temporary, 'model.json'), JSON.stringify(manifest));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
      }),
      { includeOptimizer: true },
    );
  } catch (error) {
    remove();
    forget();
    throw error;
  }
  const swap = swapFolder(temporary, dir);
  return {
    ...swap,
    discard() {
      try {
        swap.discard();
      } finally {
        forget();
      }
    },
  };
}

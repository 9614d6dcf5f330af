import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_FILES } from './model-folder.js';
import type { Staged } from './staged.js';

/**
 * Writes a LayersModel with its optimizer as `model.json` + `weights.bin` into a temporary folder
 * beside `dir`; `commit` then swaps it for `dir`, so an interrupted save never leaves a half-written
 * model. `dir` must have passed `checkModelFolder`: what the swap replaces is deleted file by file,
 * only the model's own files, never recursively.
 */
export async function stageModel(model: tf.LayersModel, dir: string): Promise<Staged> {
  const target = resolve(dir);
  const temporary = `${target}.partial-${process.pid}`;
  mkdirSync(temporary); // fails if it exists: a folder we did not make is not ours to fill or delete
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
          weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }],
        };
        writeFileSync(join(temporary, 'model.json'), JSON.stringify(manifest));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
      }),
      { includeOptimizer: true },
    );
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  let committed = false;
  return {
    commit() {
      const old = `${target}.old-${process.pid}`;
      const replacing = existsSync(target);
      if (replacing) renameSync(target, old);
      try {
        renameSync(temporary, target);
      } catch (error) {
        if (replacing) renameSync(old, target); // the previous model back where it was
        throw error;
      }
      committed = true;
      if (replacing) {
        for (const name of MODEL_FILES) rmSync(join(old, name), { force: true });
        rmdirSync(old); // fails rather than delete anything that appeared in it since the check
      }
    },
    discard() {
      if (!committed) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_FILES } from '../output/model-folder.js';

/**
 * Saves a LayersModel with its optimizer as `model.json` + `weights.bin` in `dir`, atomically: the
 * files are written to a sibling temporary folder which then replaces `dir`, so an interrupted save
 * never leaves a half-written model. `dir` must have passed `checkModelFolder`: what it replaces is
 * deleted file by file, only the model's own files, never recursively.
 */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  const target = resolve(dir);
  const temporary = `${target}.partial-${process.pid}`;
  let made = false; // (a folder of that name that we did not make is not ours to delete)
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        mkdirSync(temporary);
        made = true;
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
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(temporary, target);
    if (existsSync(old)) {
      for (const name of MODEL_FILES) rmSync(join(old, name), { force: true });
      rmdirSync(old); // fails rather than delete anything that appeared in it since the check
    }
  } finally {
    if (made) rmSync(temporary, { recursive: true, force: true });
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A `--save` folder's values as the files hold them: each weight by name, the optimizer's too, and the run's record. */
export interface SavedValues {
  /** Every weight `weights.bin` holds, by its manifest name, as the numbers stored (float32 or int32). */
  weights: Record<string, number[]>;
  /** model.json's userDefinedMetadata (where `--save` records the run). */
  metadata: unknown;
}

/**
 * Reads a saved model's weights straight from `model.json` and `weights.bin`, without TF.js: what a
 * test compares must be what the files hold, not what a loader makes of them.
 */
export function savedValues(folder: string): SavedValues {
  const manifest = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8'));
  const bytes = readFileSync(join(folder, 'weights.bin'));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights: Record<string, number[]> = {};
  let at = 0;
  for (const spec of manifest.weightsManifest[0].weights as Array<{ name: string; shape: number[]; dtype: string }>) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const values: number[] = [];
    for (let i = 0; i < count; i++, at += 4) values.push(spec.dtype === 'int32' ? view.getInt32(at, true) : view.getFloat32(at, true));
    weights[spec.name] = values;
  }
  if (at !== bytes.byteLength) throw new Error(`${folder}: weights.bin holds ${bytes.byteLength} bytes, the manifest ${at}`);
  return { weights, metadata: manifest.userDefinedMetadata };
}

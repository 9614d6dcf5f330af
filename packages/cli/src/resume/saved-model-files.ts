import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { atPath } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { fileKind } from '../output/file-kind.js';

/** A weight as model.json's `weightsManifest` lists it. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  group?: string;
}

/** `model.json` as `rprop train --save` writes it (a TF.js LayersModel in tfjs-node's `file://` layout). */
export interface SavedManifest {
  modelTopology: unknown;
  trainingConfig: { optimizer_config?: { class_name?: unknown; config?: unknown } } & Record<string, unknown>;
  weightsManifest: Array<{ paths: string[]; weights: WeightSpec[] }>;
  userDefinedMetadata?: unknown;
  [key: string]: unknown;
}

/** A `--save` folder read into memory: its manifest, and its weights files joined in the manifest's order. */
export interface SavedModelFiles {
  manifest: SavedManifest;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

/** Bytes per value of the dtypes TF.js saves weights in. */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the folder `--resume DIR` names, checking it is a model `rprop train --save` wrote, with its
 * optimizer: every problem is an InputError naming DIR and what is wrong (missing, no model.json,
 * JSON that does not parse or is no LayersModel, saved without the optimizer, a weights file missing
 * or of another size than the manifest says), so TF.js never meets a folder it would fail on with
 * a message of its own.
 */
export function readSavedModelFiles(dir: string): SavedModelFiles {
  if (dir === '') throw new InputError('--resume: the folder name is empty');
  const fail = (what: string): never => {
    throw new InputError(`--resume ${dir}: ${what}`);
  };
  const stat = atPath(dir, () => statSync(dir, { throwIfNoEntry: false }));
  if (stat === undefined) fail('no such folder');
  if (!stat!.isDirectory()) fail(`is ${fileKind(stat!)}; --resume takes a folder written by rprop train --save`);
  const manifestPath = join(dir, 'model.json');
  const text = atPath(manifestPath, () => {
    try {
      return readFileSync(manifestPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  });
  if (text === null) return fail('holds no model.json; --resume takes a folder written by rprop train --save');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text!);
  } catch (error) {
    return fail(`model.json is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed) || !isObject(parsed.modelTopology) || !Array.isArray(parsed.weightsManifest)) {
    return fail('model.json is no TF.js LayersModel (it needs modelTopology and weightsManifest)');
  }
  const groups = parsed.weightsManifest as unknown[];
  if (!groups.every((g) => isObject(g) && Array.isArray(g.paths) && g.paths.every((p) => typeof p === 'string') && Array.isArray(g.weights))) {
    return fail("model.json's weightsManifest is not a list of { paths, weights }");
  }
  const manifest = parsed as unknown as SavedManifest;
  const weightSpecs = manifest.weightsManifest.flatMap((g) => g.weights);
  // What `model.save` without includeOptimizer leaves out: the optimizer's name and its state.
  if (!isObject(manifest.trainingConfig) || !weightSpecs.some((w) => isObject(w) && w.group === 'optimizer')) {
    return fail('was saved without its optimizer (model.json has no trainingConfig or no optimizer weights); --resume goes on from the optimizer\'s state');
  }
  let expected = 0;
  for (const w of weightSpecs) {
    const bytes = isObject(w) && Array.isArray(w.shape) ? DTYPE_BYTES[String(w.dtype)] : undefined;
    if (bytes === undefined || !w.shape.every((n) => Number.isSafeInteger(n) && n >= 0)) return fail(`model.json lists a weight it cannot describe: ${JSON.stringify(w)}`);
    expected += bytes * w.shape.reduce((a, b) => a * b, 1);
  }
  const chunks = manifest.weightsManifest.flatMap((g) =>
    g.paths.map((name) => {
      const path = join(dir, name);
      try {
        return readFileSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail(`${name}, which model.json lists, ${code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? (error as Error).message})`}`);
      }
    }),
  );
  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  if (size !== expected) fail(`the weights files hold ${size} bytes, and model.json's weightsManifest lists ${expected}`);
  const weightData = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    weightData.set(c, at);
    at += c.byteLength;
  }
  return { manifest, weightSpecs, weightData: weightData.buffer };
}

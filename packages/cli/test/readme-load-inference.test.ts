import * as tf from '@tensorflow/tfjs';
import 'rprop-tfjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rprop, root } from './run-cli.js';
import { readmeAndDocs } from './readme-and-docs.js';
import { tempFolder } from './temp-folder.js';

// The repository's docs/cli.md (linked from the README) shows how an app that only predicts loads a `rprop train --save` folder
// with plain @tensorflow/tfjs and no rprop-tfjs, leaving the training configuration out. Registration
// is per process (importing rprop-tfjs anywhere registers the optimizer), so the recipe runs in a
// process of its own; beside it, the same recipe keeping `trainingConfig` shows why it is left out.

// README.md and docs/*.md, so the recipe is found wherever it moves.
const readme = readmeAndDocs();
// The recipe runs as plain JavaScript (an .mjs file below), so it is fenced as js: as ts, a reader
// pasting it into a strict TypeScript project got errors (an implicitly-any callback parameter,
// `.print()` on predict's Tensor | Tensor[]), since it carries no type annotations or casts.
const fenced = [...readme.matchAll(/```(ts|js)\n([\s\S]*?)```/g)].find((m) => m[2]!.includes('--save model') && m[2]!.includes('no rprop-tfjs'));
const block = fenced?.[2];
const dir = tempFolder('rprop-readme-inference-');
// The script imports @tensorflow/tfjs, so it runs from a folder inside the repository (ignored by git).
const scratch = join(dirname(fileURLToPath(import.meta.url)), '.readme-examples');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const inputs = [[0, 1], [1, 1]];

/** Runs `code` (the block, placed in `dir`) as an ES module in a new Node process; it prints the predictions last. */
function runAlone(code: string, name: string): { status: number | null; stdout: string; stderr: string } {
  const placed = code.replaceAll(/'model\/([\w.]+)'/g, (_, file: string) => JSON.stringify(join(dir, 'model', file)));
  mkdirSync(scratch, { recursive: true });
  const script = join(scratch, name);
  writeFileSync(script, `${placed}\nconsole.log(JSON.stringify(model.predict(tf.tensor2d(${JSON.stringify(inputs)})).arraySync()));\n`);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the docs' recipe for loading a --save folder without rprop-tfjs", () => {
  it('is there, imports no rprop-tfjs, and names the command that writes the folder', () => {
    expect(block).toBeDefined();
    expect(fenced![1], 'the fence of a recipe run as plain JavaScript').toBe('js');
    expect(block).not.toMatch(/(from|import) 'rprop-tfjs'/);
    expect(block).toMatch(/\/\/ written by: npx rprop (train .*--save model)$/m);
    expect(block).toContain('{ trainingConfig, ...json }');
  });

  it('predicts as the model loaded with its optimizer does; kept, the training configuration is refused', async () => {
    const args = /\/\/ written by: npx rprop (train .*--save model)$/m.exec(block!)![1]!.split(/\s+/);
    const run = rprop([...args, '--epochs', '40'], dir);
    expect(run.status, run.stderr).toBe(0);

    const alone = runAlone(block!, 'load-inference.mjs');
    expect(alone.status, alone.stderr).toBe(0);
    const predicted = JSON.parse(alone.stdout.trim().split('\n').at(-1)!) as number[][];

    // Here rprop-tfjs is registered: the whole folder, optimizer included, loads.
    const json = JSON.parse(readFileSync(join(dir, 'model', 'model.json'), 'utf8')) as { weightsManifest: Array<{ weights: tf.io.WeightsManifestEntry[] }> };
    const bin = readFileSync(join(dir, 'model', 'weights.bin'));
    const full = await tf.loadLayersModel(tf.io.fromMemory({
      ...json,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: new Uint8Array(bin).buffer,
    }));
    expect(full.optimizer.getClassName()).toBe('Rprop');
    const expected = (full.predict(tf.tensor2d(inputs)) as tf.Tensor).arraySync() as number[][];
    expect(predicted).toEqual(expected);

    const kept = runAlone(block!.replace('{ trainingConfig, ...json }', 'json'), 'load-with-training-config.mjs');
    expect(kept.status).not.toBe(0);
    expect(kept.stderr).toContain('Unknown layer: Rprop');
  });
});

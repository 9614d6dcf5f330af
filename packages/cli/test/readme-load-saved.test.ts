import * as tf from '@tensorflow/tfjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rprop, root } from './run-cli.js';
import { readmeAndDocs } from './readme-and-docs.js';
import { tempFolder } from './temp-folder.js';

// The repository's docs/cli.md (linked from the README) shows how to load a `rprop train --save` folder in Node with plain
// @tensorflow/tfjs. That recipe runs as written here: the command line its comment names writes the
// folder, and the block must load the model with the run's optimizer and its state.

// README.md and docs/*.md, so the recipe is found wherever it moves.
const readme = readmeAndDocs();
const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes('--save model'));
const dir = tempFolder('rprop-readme-load-');
// The block imports the packages, so it runs from a scratch folder inside the repository (ignored by git).
const scratch = join(dirname(fileURLToPath(import.meta.url)), '.readme-examples');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the docs' recipe for loading a --save folder", () => {
  it('is there, and names the command that writes the folder', () => {
    expect(block).toBeDefined();
    expect(block).toMatch(/\/\/ written by: npx rprop (train .*--save model)$/m);
  });

  it('loads the saved model with the optimizer and the iterations the run took', async () => {
    const args = /\/\/ written by: npx rprop (train .*--save model)$/m.exec(block!)![1]!.split(/\s+/);
    const run = rprop([...args, '--epochs', '7', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const steps = JSON.parse(run.stdout.trim().split('\n').at(-1)!).steps as number;
    // The block reads 'model/…' from the working folder: here, from dir.
    const placed = block!.replaceAll(/'model\/([\w.]+)'/g, (_, name: string) => JSON.stringify(join(dir, 'model', name)));
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'load-saved.ts'), `${placed}\nexport { model };\n`);
    const { model } = (await import(join(scratch, 'load-saved.ts'))) as { model: tf.LayersModel };
    expect(model.optimizer.getClassName()).toBe('Rprop');
    expect((model.optimizer as unknown as { iterations: number }).iterations).toBe(steps);
    expect(steps).toBe(7);
  });
});

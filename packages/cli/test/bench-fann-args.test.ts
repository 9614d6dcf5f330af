import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { fannArgs, rpropArgs } from '../bench/fann/fann-sets.mjs';
import { root, rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// What bench:fann asks of each trainer: the same network, target and epochs, and of `rprop train` the
// variant and engine of its row. Made-up cases on a four-sample set; nothing is timed.
const folder = tempFolder('rprop-fann-args-');

describe("bench:fann's command lines (bench/fann/fann-sets.mjs)", () => {
  it("train_fann's arguments in the order of its usage line", () => {
    const source = readFileSync(join(root, 'packages', 'cli', 'bench', 'fann', 'train_fann.c'), 'utf8');
    const usage = /Usage: train_fann ([A-Z_ ]+)\n/.exec(source)![1]!.trim().split(' ');
    const c = { name: 'xor', hidden: 7, target: 0.05, maxEpochs: 300 };
    const meaning: Record<string, string> = { DATA: 'xor.train', HIDDEN: '7', TARGET_MSE: '0.05', MAX_EPOCHS: '300', SEED: '1' };
    expect(fannArgs('xor.train', c)).toEqual(usage.map((name) => meaning[name]));
  });

  it('rprop train runs the case, variant and engine asked for, with Δ0 = 0.1 on the wasm backend', () => {
    const file = join(folder, 'xor.train');
    writeFileSync(file, '4 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n');
    const c = { name: 'xor', hidden: 3, target: 1e-9, maxEpochs: 7 };
    const r = rprop(rpropArgs(file, c, 'rprop+', 'fused'));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ hidden: [3], targetMse: 1e-9, epochs: 7, variant: 'rprop+', engine: 'fused', lr: 0.1, backend: 'wasm' });
  });
});

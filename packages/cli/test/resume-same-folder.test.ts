import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { rprop, rpropWhileTraining } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// `--resume model --save model` reads the model, trains, and only then swaps a new folder in for the
// old one (output/stage-model.ts, swap-folder.ts): until the swap, the saved model is what it was. A
// run that diverges, or is interrupted while it trains, must leave it byte for byte, and nothing beside it.

const dir = tempFolder('rprop-resume-same-');
// Targets up to 5: a linear output layer, which any target fits; the same inputs with targets of 1e20
// overflow float32's MSE at once, so the resumed run diverges at its first epoch.
writeFileSync(join(dir, 'small.train'), '4 2 1\n0 0\n0\n0 1\n5\n1 0\n5\n1 1\n0\n');
writeFileSync(join(dir, 'huge.train'), '4 2 1\n0 0\n0\n0 1\n1e20\n1 0\n1e20\n1 1\n0\n');
// SGD at lr 1e6 on targets of 10 reaches Infinity at its third step (as in diverge.test.ts): resumed
// after one, the run steps twice before it diverges, so a model it saved would differ from the one kept.
writeFileSync(join(dir, 'lin.csv'), 'a,b,y\n0,0,0\n0,1,10\n1,0,10\n1,1,0\n');

const files = () => Object.fromEntries(['model.json', 'weights.bin'].map((name) => [name, readFileSync(join(dir, 'model', name))]));
const leftovers = () => readdirSync(dir).filter((name) => name.includes('.partial-') || name.includes('.old-'));
let before: Record<string, Buffer>;

describe('rprop train --resume model --save model', () => {
  beforeEach(() => {
    const r = rprop(['train', 'small.train', '--hidden', '3', '--epochs', '5', '--backend', 'cpu', '--save', 'model'], dir);
    expect(r.status, r.stderr).toBe(0);
    before = files();
  });

  it('a run that diverges saves nothing: the model is kept byte for byte, exit code 1', () => {
    const r = rprop(['train', 'huge.train', '--resume', 'model', '--save', 'model', '--epochs', '5', '--backend', 'cpu'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^diverged at epoch 0: the training MSE became Infinity; training stopped$/m);
    expect(r.stdout).toMatch(/^not saved to model: the training diverged$/m);
    expect(files()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('a run that diverges after taking steps saves nothing either: the model is kept byte for byte', () => {
    const first = rprop(['train', 'lin.csv', '--optimizer', 'sgd', '--lr', '1e6', '--epochs', '1', '--backend', 'cpu', '--save', 'sgd'], dir);
    expect(first.status, first.stderr).toBe(0);
    const kept = ['model.json', 'weights.bin'].map((name) => readFileSync(join(dir, 'sgd', name)));
    const r = rprop(['train', 'lin.csv', '--resume', 'sgd', '--save', 'sgd', '--epochs', '5', '--backend', 'cpu', '--json'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ diverged: true, divergedAtEpoch: 2, steps: 2 });
    expect(['model.json', 'weights.bin'].map((name) => readFileSync(join(dir, 'sgd', name)))).toEqual(kept);
    expect(leftovers()).toEqual([]);
  });

  it('a run interrupted while it trains saves nothing: the model is kept byte for byte', async () => {
    const r = await rpropWhileTraining(['train', 'small.train', '--resume', 'model', '--save', 'model', '--epochs', '1000000', '--backend', 'cpu'], dir, (pid) => process.kill(pid, 'SIGINT'));
    expect(r.acted, r.stderr).toBe(true);
    expect(r.status).not.toBe(0);
    expect(files()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('a run that ends replaces the model with the one trained on, and leaves nothing beside it', () => {
    const r = rprop(['train', 'small.train', '--resume', 'model', '--save', 'model', '--epochs', '5', '--backend', 'cpu', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    const after = files();
    expect(after['weights.bin']).not.toEqual(before['weights.bin']);
    expect(JSON.parse(after['model.json']!.toString('utf8')).userDefinedMetadata.rpropTrain.epochs).toBe(10);
    expect(readdirSync(join(dir, 'model')).sort()).toEqual(['model.json', 'weights.bin']);
    expect(leftovers()).toEqual([]);
  });
});

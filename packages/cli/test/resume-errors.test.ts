import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// What --resume refuses, each as one line naming what is wrong, exit code 2, before any training and
// with nothing written. Every case runs in this folder, so paths in messages are as typed.
const dir = tempFolder('rprop-resume-errors-');

/** Copies the saved model `from` to `to`, model.json changed by `edit` (given the parsed manifest). */
function variantOf(from: string, to: string, edit: (manifest: Record<string, any>) => void, weights = true): void {
  mkdirSync(join(dir, to));
  const manifest = JSON.parse(readFileSync(join(dir, from, 'model.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, to, 'model.json'), JSON.stringify(manifest));
  if (weights) copyFileSync(join(dir, from, 'weights.bin'), join(dir, to, 'weights.bin'));
}

let before: string[];
// Three training runs of the command: past vitest's 10 s hook limit when the suite runs two files at
// a time on 2 cores (seen once in a targeted run), well within the 60 s a test gets.
beforeAll(() => {
  // xor, 2-3-1 tanh, sigmoid output, iRprop− at lr 0.01 (the default), seed 1 (the default); and Adam.
  for (const [folder, flags] of [['model', []], ['adam', ['--optimizer', 'adam']], ['batches', ['--batch-size', '2']]] as const) {
    const r = rprop(['train', 'xor', '--hidden', '3', '--epochs', '3', '--backend', 'cpu', '--save', folder, ...flags], dir);
    expect(r.status, r.stderr).toBe(0);
  }
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'afile'), 'not a folder');
  variantOf('model', 'corrupt', () => {});
  writeFileSync(join(dir, 'corrupt', 'model.json'), '{"modelTopology": {');
  variantOf('model', 'no-weights', () => {}, false);
  variantOf('model', 'no-optimizer', (m) => {
    delete m.trainingConfig;
    m.weightsManifest[0].weights = m.weightsManifest[0].weights.filter((w: { group?: string }) => w.group !== 'optimizer');
  });
  variantOf('model', 'no-record', (m) => delete m.userDefinedMetadata);
  variantOf('model', 'short-weights', () => {});
  writeFileSync(join(dir, 'short-weights', 'weights.bin'), readFileSync(join(dir, 'model', 'weights.bin')).subarray(0, 40));
  variantOf('model', 'renamed', (m) => (m.weightsManifest[0].weights[0].name = 'elsewhere/kernel'));
  variantOf('model', 'conv', (m) => (m.modelTopology.config.layers[0].class_name = 'Conv2D'));
  writeFileSync(join(dir, 'three.train'), '1 3 1\n0 0 1\n0\n');
  writeFileSync(join(dir, 'big.train'), '2 2 1\n0 0\n5\n1 1\n0\n');
  before = readdirSync(dir, { recursive: true }).map(String).sort();
}, 60_000);

type Case = [name: string, args: string[], line: RegExp];
const LEAVE = "; --resume goes on with the saved model's network, optimizer and seed \\(leave (--[a-z]+) out, or give the saved value\\)$";

describe('rprop train --resume refuses, in one line, exit code 2, writing nothing', () => {
  const cases: Case[] = [
    ['a missing folder', ['xor', '--resume', 'missing'], /^rprop: --resume missing: no such folder$/],
    ['a file', ['xor', '--resume', 'afile'], /^rprop: --resume afile: is a file; --resume takes a folder written by rprop train --save$/],
    ['an empty name', ['xor', '--resume', ''], /^rprop: --resume: the folder name is empty$/],
    ['a folder without model.json', ['xor', '--resume', 'empty'], /^rprop: --resume empty: holds no model\.json; --resume takes a folder written by rprop train --save$/],
    ['model.json that is not JSON', ['xor', '--resume', 'corrupt'], /^rprop: --resume corrupt: model\.json is not valid JSON \(.+\)$/],
    ['weights.bin missing', ['xor', '--resume', 'no-weights'], /^rprop: --resume no-weights: \.\/weights\.bin, which model\.json lists, is missing$/],
    ['weights.bin cut short', ['xor', '--resume', 'short-weights'], /^rprop: --resume short-weights: the weights files hold 40 bytes, and model\.json's weightsManifest lists \d+$/],
    ['a model saved without its optimizer', ['xor', '--resume', 'no-optimizer'], /^rprop: --resume no-optimizer: was saved without its optimizer \(model\.json has no trainingConfig or no optimizer weights\); --resume goes on from the optimizer's state$/],
    ['a model without the run record', ['xor', '--resume', 'no-record'], /^rprop: --resume no-record: model\.json holds no record of the rprop train run \(userDefinedMetadata\.rpropTrain\): saved by another program or an earlier rprop, it does not say how many epochs it trained or its seed$/],
    ['a network rprop train does not build', ['xor', '--resume', 'conv'], /^rprop: --resume conv: layer 1 of model\.json is not a Dense layer; --resume takes a model rprop train --save wrote$/],
    ['weights TF.js cannot match to the layers', ['xor', '--resume', 'renamed'], /^rprop: --resume renamed: TF.js cannot load the model: .+$/],
    ['another --hidden', ['xor', '--resume', 'model', '--hidden', '4'], new RegExp(`^rprop: --hidden 4: the model in model was trained with --hidden 3${LEAVE}`)],
    ['another --activation', ['xor', '--resume', 'model', '--activation', 'relu'], new RegExp(`^rprop: --activation relu: the model in model was trained with --activation tanh${LEAVE}`)],
    ['another --optimizer', ['xor', '--resume', 'model', '--optimizer', 'lion'], new RegExp(`^rprop: --optimizer lion: the model in model was trained with --optimizer rprop${LEAVE}`)],
    ['another --variant', ['xor', '--resume', 'model', '--variant', 'rprop+'], new RegExp(`^rprop: --variant rprop\\+: the model in model was trained with --variant irprop-${LEAVE}`)],
    ['another --lr', ['xor', '--resume', 'model', '--lr', '0.05'], new RegExp(`^rprop: --lr 0\\.05: the model in model was trained with --lr 0\\.01${LEAVE}`)],
    ['another --seed', ['xor', '--resume', 'model', '--seed', '2'], new RegExp(`^rprop: --seed 2: the model in model was trained with --seed 1${LEAVE}`)],
    ['--variant for an Adam model', ['xor', '--resume', 'adam', '--variant', 'irprop+'], /^rprop: --variant irprop\+: the model in adam was trained with --optimizer adam, which has no variants$/],
    ['--engine fused for an Adam model', ['xor', '--resume', 'adam', '--engine', 'fused'], /^rprop: --engine fused: the fused engine steps only --optimizer rprop, and the optimizer is adam$/],
    ['--engine fused where the saved run took mini-batches', ['xor', '--resume', 'batches', '--engine', 'fused'], /^rprop: --engine fused: the fused engine trains full batch only, and --batch-size 2 \(the saved run's, from --resume batches; give --batch-size 4 for full batch\) is below the 4 samples of xor$/],
    ['data with another number of inputs', ['parity8', '--resume', 'model'], /^rprop: parity8: has 8 inputs and 1 output, the model in model takes 2 and gives 1$/],
    ['--test data with another number of inputs', ['xor', '--resume', 'model', '--test', 'three.train'], /^rprop: three\.train:1: has 3 inputs and 1 output, the training data 2 and 1$/],
    ['targets the saved output layer cannot reach', ['big.train', '--resume', 'model'], /^rprop: big\.train: its targets span \[0, 5\], past the \[0, 1\] the model in model can reach: its output layer is sigmoid, chosen for the targets it was first trained on$/],
    ['--test targets the saved output layer cannot reach', ['xor', '--resume', 'model', '--test', 'big.train'], /^rprop: big\.train: its targets span \[0, 5\], past the \[0, 1\] the model in model can reach: its output layer is sigmoid, chosen for the targets it was first trained on$/],
  ];
  it.each(cases)('%s', (_name, args, line) => {
    expectOneLineError(rprop(['train', ...args, '--epochs', '2', '--backend', 'cpu', '--save', 'out'], dir), 2, line);
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(before);
  });

  it('takes the flags that agree with the saved model: the first command line with --resume added runs', () => {
    const r = rprop(['train', 'xor', '--resume', 'model', '--hidden', '3', '--activation', 'tanh', '--optimizer', 'rprop', '--variant', 'irprop-', '--lr', '0.01', '--seed', '1', '--epochs', '2', '--backend', 'cpu', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ resumedFrom: 'model', startEpoch: 3, epochs: 2, hidden: [3], variant: 'irprop-', lr: 0.01, seed: 1 });
  });
});

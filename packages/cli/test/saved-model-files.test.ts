import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/input-error.js';
import { readSavedModelFiles } from '../src/resume/saved-model-files.js';
import { tempFolder } from './temp-folder.js';

// model.json files that parse but are not what `rprop train --save` writes: each is one InputError
// naming the folder and what is wrong, before any other check trips over it (a TypeError, or a
// message about something else). resume-errors.test.ts covers folders made by the command itself.

const dir = tempFolder('rprop-saved-files-');

/** A layer's kernel and an optimizer slot of 2 float32 each, as a manifest lists them. */
const weights = [
  { name: 'dense/kernel', shape: [2, 1], dtype: 'float32' },
  { name: 'dense/kernel/stepSize', shape: [2, 1], dtype: 'float32', group: 'optimizer' },
];
const valid = { modelTopology: { class_name: 'Sequential' }, trainingConfig: { loss: 'meanSquaredError' }, weightsManifest: [{ paths: ['./weights.bin'], weights }] };

function folder(name: string, manifest: unknown): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, 'model.json'), JSON.stringify(manifest));
  writeFileSync(join(path, 'weights.bin'), new Uint8Array(16));
  return path;
}

describe('readSavedModelFiles refuses a model.json rprop train would not write', () => {
  it('reads the valid one the cases below are made from', () => {
    const files = readSavedModelFiles(folder('valid', valid));
    expect(files.weightSpecs.map((w) => w.name)).toEqual(weights.map((w) => w.name));
    expect(files.weightData.byteLength).toBe(16);
  });

  it.each([
    ['no modelTopology', { ...valid, modelTopology: undefined }, "model.json is no TF.js LayersModel (it needs modelTopology and weightsManifest)"],
    ['a weightsManifest group without a list of paths', { ...valid, weightsManifest: [{ paths: './weights.bin', weights }] }, "model.json's weightsManifest is not a list of { paths, weights }"],
    // What a hand-made folder might hold: the optimizer named, but none of its state to go on from.
    ['a trainingConfig without optimizer weights', { ...valid, weightsManifest: [{ paths: ['./weights.bin'], weights: [weights[0], { ...weights[0], name: 'dense/bias' }] }] }, 'was saved without its optimizer'],
    ['a weight of a negative size', { ...valid, weightsManifest: [{ paths: ['./weights.bin'], weights: [...weights, { name: 'odd', shape: [2, -1], dtype: 'float32', group: 'optimizer' }] }] }, 'model.json lists a weight it cannot describe: {"name":"odd","shape":[2,-1]'],
    ['a weight of a fractional size', { ...valid, weightsManifest: [{ paths: ['./weights.bin'], weights: [{ ...weights[0], shape: [1.5] }, weights[1]] }] }, 'model.json lists a weight it cannot describe'],
  ])('%s', (name, manifest, message) => {
    const path = folder(name.replace(/\W+/g, '-'), manifest);
    expect(() => readSavedModelFiles(path)).toThrow(InputError);
    expect(() => readSavedModelFiles(path)).toThrow(`--resume ${path}: ${message}`);
  });
});

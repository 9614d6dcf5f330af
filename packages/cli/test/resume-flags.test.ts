import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/input-error.js';
import { resumedSettings, type FixedFlags } from '../src/resume/resume-flags.js';
import type { SavedNetwork } from '../src/resume/saved-network.js';
import type { TrainRecord } from '../src/resume/train-record.js';

// The saved model fixes the network, the optimizer and the seed: a flag that agrees is taken, one that
// disagrees is refused naming the flag, the saved value and the given one. --batch-size is not fixed.

const saved: SavedNetwork = { inputs: 2, hidden: [16, 8], activation: 'relu', outputs: 1, output: 'sigmoid', optimizer: 'rprop', variant: 'irprop+', lr: 0.05, };
const record: TrainRecord = { epochs: 40, seed: 7, batchSize: 32, shuffles: 40 };
const settings = (given: FixedFlags & { batchSize?: number }, network = saved) => resumedSettings(given, network, record, 'model');

describe('resumedSettings', () => {
  it('not given, every fixed setting is the saved one; --batch-size the saved run\'s', () => {
    expect(settings({})).toEqual({ hidden: [16, 8], activation: 'relu', optimizer: 'rprop', variant: 'irprop+', lr: 0.05, seed: 7, batchSize: 32 });
  });

  it('given as saved, each is taken', () => {
    expect(settings({ hidden: [16, 8], activation: 'relu', optimizer: 'rprop', variant: 'irprop+', lr: 0.05, seed: 7 })).toEqual(settings({}));
  });

  it('a given --batch-size replaces the saved run\'s', () => {
    expect(settings({ batchSize: 1000 }).batchSize).toBe(1000);
    expect(resumedSettings({}, saved, { ...record, batchSize: null }, 'model').batchSize).toBeUndefined();
  });

  it.each([
    [{ hidden: [16] }, '--hidden 16: the model in model was trained with --hidden 16,8'],
    [{ activation: 'tanh' }, '--activation tanh: the model in model was trained with --activation relu'],
    [{ optimizer: 'adam' }, '--optimizer adam: the model in model was trained with --optimizer rprop'],
    [{ variant: 'irprop-' }, '--variant irprop-: the model in model was trained with --variant irprop+'],
    [{ lr: 0.050000001 }, '--lr 0.050000001: the model in model was trained with --lr 0.05'],
    [{ lr: 0.049999999 }, '--lr 0.049999999: the model in model was trained with --lr 0.05'],
    [{ hidden: [8, 16] }, '--hidden 8,16: the model in model was trained with --hidden 16,8'],
    [{ seed: 1 }, '--seed 1: the model in model was trained with --seed 7'],
  ] as Array<[FixedFlags, string]>)('refuses %j', (given, message) => {
    expect(() => settings(given)).toThrow(InputError);
    expect(() => settings(given)).toThrow(`${message}; --resume goes on with the saved model's network, optimizer and seed`);
  });

  it('refuses --variant for an optimizer without variants, and takes none', () => {
    const adam: SavedNetwork = { ...saved, optimizer: 'adam', variant: null, lr: 0.01 };
    expect(() => settings({ variant: 'irprop+' }, adam)).toThrow('--variant irprop+: the model in model was trained with --optimizer adam, which has no variants');
    expect(settings({}, adam)).toMatchObject({ optimizer: 'adam', variant: undefined, lr: 0.01 });
  });

  // A network without hidden layers (a one-layer model.json) has no hidden activation to fix: any
  // --activation agrees with it, and is the one the run reports.
  it('takes any --activation for a network without hidden layers', () => {
    const single: SavedNetwork = { ...saved, hidden: [], activation: null };
    expect(settings({ activation: 'sigmoid' }, single)).toMatchObject({ hidden: [], activation: 'sigmoid' });
    expect(settings({ activation: 'relu' }, single)).toMatchObject({ hidden: [], activation: 'relu' });
  });
});

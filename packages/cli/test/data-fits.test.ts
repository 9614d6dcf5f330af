import { describe, expect, it } from 'vitest';
import { checkDataFits } from '../src/resume/data-fits.js';
import type { SavedNetwork } from '../src/resume/saved-network.js';
import { randomDataset } from './random-dataset.js';

// Data a resumed model cannot take is refused naming the file: another shape, or targets past what
// its output layer (chosen for the first run's targets) can reach.

const network = (output: SavedNetwork['output']): SavedNetwork => ({ inputs: 3, hidden: [4], activation: 'tanh', outputs: 2, output, optimizer: 'rprop', variant: 'irprop-', lr: 0.01 });

describe('checkDataFits', () => {
  it.each([
    ['sigmoid', [0, 1]],
    ['tanh', [-1, 1]],
    ['tanh', [0, 1]],
    ['linear', [-50, 80]],
  ] as const)('takes data of the same shape whose targets a %s output reaches (%j)', (output, range) => {
    expect(() => checkDataFits(randomDataset(20, 3, 2, [...range], 1), 'd.train', network(output), 'model')).not.toThrow();
  });

  it.each([
    [4, 2, 'd.train: has 4 inputs and 2 outputs, the model in model takes 3 and gives 2'],
    [3, 1, 'd.train: has 3 inputs and 1 output, the model in model takes 3 and gives 2'],
  ])('refuses %i inputs and %i outputs', (inputs, outputs, message) => {
    expect(() => checkDataFits(randomDataset(5, inputs, outputs, [0, 1], 1), 'd.train', network('sigmoid'), 'model')).toThrow(message);
  });

  it('refuses targets past the output layer\'s range, naming both', () => {
    const data = randomDataset(5, 3, 2, [0, 1], 1);
    data.y[3] = -0.5;
    expect(() => checkDataFits(data, 'd.train', network('sigmoid'), 'model')).toThrow(/^d\.train: its targets span \[-0\.5, [\d.e-]+\], past the \[0, 1\] the model in model can reach: its output layer is sigmoid/);
  });
});

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

  // The ranges are closed: a sigmoid output's 0 and 1 (xor's targets) are reachable targets.
  it.each([
    ['sigmoid', 0, 1],
    ['tanh', -1, 1],
  ] as const)('takes targets on a %s output\'s bounds, %i and %i', (output, low, high) => {
    const data = randomDataset(6, 3, 2, [0.2, 0.4], 1);
    data.y[0] = low;
    data.y[5] = high;
    expect(() => checkDataFits(data, 'd.train', network(output), 'model')).not.toThrow();
  });

  // The span said is the data's own, also when every target lies below the range (none above 0).
  it('names the targets\' span as it is when all lie below the range', () => {
    const data = randomDataset(5, 3, 2, [-3, -2], 1);
    const [min, max] = [Math.min(...data.y), Math.max(...data.y)];
    expect(max).toBeLessThan(-2 + 1e-6);
    expect(() => checkDataFits(data, 'd.train', network('tanh'), 'model')).toThrow(`d.train: its targets span [${min}, ${max}], past the [-1, 1] the model in model can reach`);
  });
});

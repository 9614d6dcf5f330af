import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../src/train/choices.js';
import { rprop } from './run-cli.js';

// TF.js keeps the learning rate as float32. An --lr beyond it is the user's input to fix (exit 2,
// naming --lr), with every optimizer: TF.js's Adam and SGD took 1e300 and "diverged at epoch 1"
// (exit 1), where the rprop-tfjs ones refused it. One too small rounds to 0 and would train nothing.
describe('an --lr that float32 cannot hold', () => {
  it.each(OPTIMIZERS)('--optimizer %s --lr 1e300 is refused as input, exit code 2', (optimizer) => {
    const r = rprop(['train', 'xor', '--optimizer', optimizer, '--lr', '1e300', '--epochs', '1', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe('rprop: --lr 1e+300: overflows to Infinity once rounded to float32 (the type of TF.js variables)\n');
    expect(r.stdout).toBe('');
  });

  it.each(OPTIMIZERS)('--optimizer %s --lr 1e-50 (0 in float32) is refused as input, exit code 2', (optimizer) => {
    const r = rprop(['train', 'xor', '--optimizer', optimizer, '--lr', '1e-50', '--epochs', '1', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe('rprop: --lr 1e-50: rounds to 0 in float32 (the type of TF.js variables), so no weight would move\n');
    expect(r.stdout).toBe('');
  });
});

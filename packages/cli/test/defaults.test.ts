import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

// The defaults are what a run without flags does, and what `train --help` tells the user it will do:
// a default changed in one place and not the other would report settings the run did not use.
describe('rprop train without flags', () => {
  it('runs with the defaults --help states: 1000 epochs, seed 1, one hidden layer of 16 tanh units, iRprop−, tfjs on wasm', () => {
    const help = rprop(['train', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--epochs <n> most epochs[^()]* \(default: 1000\)/);
    expect(help).toMatch(/--activation <name> hidden activation \(choices: [^)]*, default: "tanh"\)/);
    const r = rprop(['train', 'xor', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({
      epochs: 1000,
      steps: 1000,
      seed: 1,
      hidden: [16],
      activation: 'tanh',
      optimizer: 'rprop',
      variant: 'irprop-',
      backend: 'wasm',
      engine: 'tfjs',
      targetMse: null,
    });
  });
});

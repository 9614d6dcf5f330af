import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, SignSGD, Signum, type Parameter } from '../../src/index.js';

// A group's options are checked rounded to float32 as soon as one of its parameters is float32 (it
// steps with the rounded options), not only when all of them are: a float64 parameter beside it
// must not let an option that overflows in float32 through.
const p64 = (): Parameter => ({ data: Float64Array.of(1, 2), grad: Float64Array.of(0.5, -0.5) });
const p32 = (): Parameter => ({ data: Float32Array.of(1, 2), grad: Float32Array.of(0.5, -0.5) });

describe.each([
  ['Rprop', (ps: Parameter[]) => new Rprop(ps, { lr: 1e39 })],
  ['SignSGD', (ps: Parameter[]) => new SignSGD(ps, { lr: 1e39 })],
  ['Signum', (ps: Parameter[]) => new Signum(ps, { lr: 1e39 })],
  ['Lion', (ps: Parameter[]) => new Lion(ps, { lr: 1e39 })],
  ['SGD', (ps: Parameter[]) => new SGD(ps, { lr: 1e39 })],
  ['Adam', (ps: Parameter[]) => new Adam(ps, { lr: 1e39 })],
])('%s, one group of a float64 and a float32 parameter', (name, make) => {
  it('refuses an lr that overflows once rounded to float32', () => {
    expect(() => make([p64(), p32()])).toThrow(`${name}: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39`);
  });

  it('takes the same lr for float64 parameters alone (the check is for float32 ones)', () => {
    expect(() => make([p64(), p64()])).not.toThrow();
  });
});

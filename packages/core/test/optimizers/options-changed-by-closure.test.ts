import { expect, it } from 'vitest';
import { Rprop, SignSGD, type Parameter } from '../../src/index.js';

// Options are checked before each step, but the closure runs inside the step: an option it set (an lr
// schedule written in the closure) went unchecked, so a NaN lr made every weight NaN without a word,
// and a misspelt variant threw half-way through the updates, after the state had been made.
it('a step refuses an option its closure set to a value the constructor would refuse, changing nothing', () => {
  const p: Parameter = { data: new Float32Array(100).fill(1), grad: new Float32Array(100).fill(1) };
  const signSgd = new SignSGD([p], { lr: 0.1 });
  expect(() => signSgd.step(() => ((signSgd.paramGroups[0]!.lr = NaN), 1))).toThrow(new RangeError('SignSGD.step: lr must be finite, got NaN'));
  expect(p.data.every((w) => w === 1)).toBe(true);

  const q: Parameter = { data: new Float64Array(100).fill(1), grad: new Float64Array(100).fill(1) };
  const rprop = new Rprop([q]);
    expect(() => rprop.step(() => ((rprop.paramGroups[0]!.variant = 'irprop' as 'irprop-'), 1))).toThrow(
    new RangeError(`Rprop.step: variant must be one of 'rprop-', 'irprop-', 'rprop+', 'irprop+', got "irprop"`),
  );
  expect(q.data.every((w) => w === 1)).toBe(true);
  expect(rprop.stateDict().state).toStrictEqual({}); // no state made: the step never began
});

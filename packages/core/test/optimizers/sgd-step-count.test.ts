import { expect, it } from 'vitest';
import { SGD, type Parameter } from '../../src/index.js';

// SGD's step count decides only whether a step starts the momentum afresh (at 0). A loaded −1 was
// taken: one step later it was 0, and the next step dropped the momentum gathered so far.
it('SGD refuses a loaded step count that is not a whole number ≥ 0, and changes nothing', () => {
  const q: Parameter = { data: Float64Array.of(1, 2), grad: Float64Array.of(0.1, 0.2) };
  const sgd = new SGD([q], { momentum: 0.9 });
  sgd.step();
  const before = JSON.stringify(sgd.stateDict());
  for (const bad of [-1, 1.5]) {
    const sd = JSON.parse(before);
    sd.state['0'].step = bad;
    expect(() => sgd.loadStateDict(sd)).toThrow(new RangeError(`SGD.loadStateDict: parameter 0's state 'step' must be a whole number of steps ≥ 0, got ${bad}`));
    expect(JSON.stringify(sgd.stateDict())).toBe(before);
  }
  const sd = JSON.parse(before);
  sd.state['0'].step = 7;
  expect(() => sgd.loadStateDict(sd)).not.toThrow();
});

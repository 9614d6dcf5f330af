import { expect, it } from 'vitest';
import { Rprop, SignSGD, type Parameter } from '../../src/index.js';

// Every other mismatch of a loaded state is refused (a missing buffer, a state no parameter claims);
// a key the parameter's state does not have was dropped without a word.
it('refuses a saved parameter state with a key the optimizer does not keep, changing nothing', () => {
  const w: Parameter = { data: Float64Array.of(1, -2), grad: Float64Array.of(0.5, 3), name: 'w' };
  const opt = new Rprop([w]);
  opt.step();
  const before = JSON.stringify(opt.stateDict());
  const edited = JSON.parse(before);
  edited.state['0'].stepsize = [1, 1];
  expect(() => opt.loadStateDict(edited)).toThrow(
    new RangeError(`Rprop.loadStateDict: parameter 0 ("w")'s state has a key 'stepsize' that Rprop's state does not have (it holds prev, stepSize)`),
  );
  expect(JSON.stringify(opt.stateDict())).toBe(before);

  const s = new SignSGD([w]);
  s.step();
  expect(() => s.loadStateDict({ ...s.stateDict(), state: { 0: { momentum: [0, 0] } } })).toThrow(
    new RangeError(`SignSGD.loadStateDict: parameter 0 ("w")'s state has a key 'momentum' that SignSGD's state does not have (it holds nothing)`),
  );
  // A − group's saved dw (left by a + step before a switch) is still loaded.
  const plus = new Rprop([w], { variant: 'irprop+' });
  plus.step(() => 1);
  const saved = plus.stateDict();
  saved.paramGroups[0]!.variant = 'irprop-';
  expect(() => new Rprop([w]).loadStateDict(saved)).not.toThrow();
});

import { expect, it } from 'vitest';
import { Adam, Rprop, type Parameter } from '../../src/index.js';

// A key beside state and paramGroups that the optimizer does not save was dropped without a word: a
// misspelt 'prevLos' loaded as "no previous loss", so the next iRprop+ step could not backtrack.

const p = (): Parameter => ({ data: Float64Array.of(1, -1), grad: Float64Array.of(0.5, 0.5) });

it('loadStateDict refuses a key the optimizer\'s state dict does not have, changing nothing', () => {
  const opt = new Rprop([p()], { variant: 'irprop+' });
  opt.step(() => 2);
  const saved = JSON.parse(JSON.stringify(opt.stateDict()));
  const { prevLoss, ...rest } = saved;
  expect(prevLoss).toBe(2);
  const loader = new Rprop([p()], { variant: 'irprop+' });
  loader.step(() => 7);
  const before = JSON.stringify(loader.stateDict());
  expect(() => loader.loadStateDict({ ...rest, prevLos: 2 })).toThrow(
    new RangeError("Rprop.loadStateDict: the state dict has a key 'prevLos' that Rprop's does not have (it holds state, paramGroups, prevLoss)"),
  );
  expect(JSON.stringify(loader.stateDict())).toBe(before);
  // The dict as saved still loads, and a key left undefined (which JSON would drop) is no key.
  loader.loadStateDict({ ...saved, note: undefined });
  expect(loader.stateDict().prevLoss).toBe(2);
});

it('an optimizer with no scalars of its own refuses any such key', () => {
  const opt = new Adam([p()]);
  opt.step();
  expect(() => opt.loadStateDict({ ...opt.stateDict(), step: 1 } as never)).toThrow(
    "Adam.loadStateDict: the state dict has a key 'step' that Adam's does not have (it holds state, paramGroups)",
  );
});

import { expect, it } from 'vitest';
import { Rprop, type Parameter, type RpropOptions, type StateDict } from '../../src/index.js';

// Type-checked with the tests (npm run typecheck): a dict kept under the exported StateDict type — how a
// caller annotates what it saves — must be accepted back by loadStateDict.
it('loadStateDict takes a dict typed StateDict<O>, as saved and as read back from JSON', () => {
  const w: Parameter = { data: Float64Array.of(1, -2), grad: Float64Array.of(0.5, 3) };
  const opt = new Rprop([w], { variant: 'irprop+' });
  opt.step(() => 1);
  const saved: StateDict<RpropOptions> = opt.stateDict();
  const read: StateDict<RpropOptions> = JSON.parse(JSON.stringify(saved)) as StateDict<RpropOptions>;
  const other = new Rprop([{ data: Float64Array.of(1, -2), grad: Float64Array.of(0.5, 3) }], { variant: 'irprop+' });
  other.loadStateDict(saved);
  other.loadStateDict(read);
  expect(other.stateDict()).toEqual(saved);
});

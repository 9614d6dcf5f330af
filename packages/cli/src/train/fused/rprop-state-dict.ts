import type { Rprop, RpropOptions, StateDict } from 'rprop';
import type { NamedTensor } from './rprop-slot-weights.js';

/** Where a saved optimizer's state goes on in the core's Rprop: its state dict, and the steps it had taken. */
export interface CoreRpropState {
  stateDict: StateDict<RpropOptions>;
  iterations: number;
}

/**
 * The inverse of `rpropSlotWeights`: `RpropOptimizer.getWeights()` — [iteration count, previous loss
 * (+Infinity for none), every variable's `prev`, its `stepSize`, and for the + variants its
 * `prevUpdate`] — as a state dict for `rprop.loadStateDict`, so `--engine fused` goes on from a model
 * saved by either engine. `rprop` is the core optimizer over the same `variableCount` parameters, in
 * the same order; its groups' options are kept (the engine makes it with the saved optimizer's). Null
 * when the optimizer took no step yet (no slots): a fresh Rprop is then that optimizer already.
 * Values are read as they are: both keep float32, so nothing is rounded on the way.
 */
export function rpropStateDict(weights: readonly NamedTensor[], rprop: Rprop, variableCount: number): CoreRpropState | null {
  const [iter, prevLoss, ...slots] = weights;
  if (iter === undefined || prevLoss === undefined) throw new Error(`rpropStateDict: expected the iteration count and the previous loss first, got ${weights.length} weights`);
  const iterations = iter.tensor.dataSync()[0]!;
  if (slots.length === 0) return null;
  const slotNames = ['prev', 'stepSize', 'prevUpdate'].slice(0, slots.length / variableCount);
  if (slots.length % variableCount !== 0 || slotNames.length < 2 || slots.length !== slotNames.length * variableCount) {
    throw new Error(`rpropStateDict: ${slots.length} slots for ${variableCount} variables, not 2 or 3 each`);
  }
  const state: StateDict<RpropOptions>['state'] = {};
  for (let i = 0; i < variableCount; i++) {
    state[String(i)] = Object.fromEntries(slotNames.map((slot, k) => [slot, Array.from(slots[k * variableCount + i]!.tensor.dataSync())]));
  }
  const loss = prevLoss.tensor.dataSync()[0]!;
  const { paramGroups } = rprop.stateDict();
  return { stateDict: { state, paramGroups, prevLoss: loss === Infinity ? null : loss } as StateDict<RpropOptions>, iterations };
}

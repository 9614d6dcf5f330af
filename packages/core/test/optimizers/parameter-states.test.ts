import { describe, expect, it } from 'vitest';
import { ParameterStates, type ParamState } from '../../src/optimizers/parameter-states.js';
import type { Parameter } from '../../src/types.js';

const param = (n: number, grad = true): Parameter => ({ data: new Float32Array(n), grad: grad ? new Float32Array(n) : null });
/** A fresh state per parameter, marked with its length, counting how many were made. */
function maker() {
  const made: Parameter[] = [];
  const make = (params: readonly Parameter[]): ParamState[] => params.map((p) => (made.push(p), { n: p.data.length }));
  return { made, make };
}

describe('ParameterStates', () => {
  it('reindexes only when the groups hold other parameters, in another order or grouping', () => {
    const [a, b, c] = [param(1), param(2), param(3)];
    const groups = [{ params: [a, b] }, { params: [c] }];
    const states = new ParameterStates();
    expect(states.reindex(groups, 'X', 'step')).toBe(true);
    expect(states.reindex(groups, 'X', 'step')).toBe(false);
    groups[0]!.params.reverse();
    expect(states.reindex(groups, 'X', 'step')).toBe(true);
    // The same order over all groups (b, a, c), grouped otherwise: a moved to the second group.
    const regrouped = [{ params: [b] }, { params: [a, c] }];
    expect(states.reindex(regrouped, 'X', 'step')).toBe(true);
    expect(states.reindex(regrouped, 'X', 'step')).toBe(false);
  });

  it('keeps a state with its parameter wherever it moves, and makes states only for parameters with a gradient', () => {
    const [a, b, frozen] = [param(1), param(2), param(5, false)];
    const groups = [{ params: [a, frozen] }, { params: [b] }];
    const states = new ParameterStates();
    const { made, make } = maker();
    states.reindex(groups, 'X', 'step');
    states.makeMissing(groups, make);
    expect(made).toEqual([a, b]);
    expect(states.get(frozen)).toBeUndefined();
    expect(states.shapes).toEqual([3, undefined, 5]); // shapeCode: 2·length + 1 for float32
    const ofA = states.at(0);
    // a moves behind b in the second group: its index changes, its state does not.
    const moved = [{ params: [frozen] }, { params: [b, a] }];
    expect(states.reindex(moved, 'X', 'step')).toBe(true);
    states.makeMissing(moved, make);
    expect(made).toEqual([a, b]); // nothing made again
    expect(states.at(2)).toBe(ofA);
    expect(states.shapes).toEqual([undefined, 5, 3]);
  });

  it('refuses a group that is no group, a parameter that is no object and one given twice, naming the call', () => {
    const a = param(1);
    const states = new ParameterStates();
    expect(() => states.reindex([{ params: 'a' }] as never, 'Rprop', 'zeroGrad')).toThrow('Rprop.zeroGrad: group 0 must be { params: Parameter[], ...options }, got params "a"; nothing was changed');
    expect(() => states.reindex([{ params: [a, 7] }] as never, 'Rprop', 'step')).toThrow('Rprop.step: parameter 1 must be { data: Float32Array | Float64Array, grad }, got 7; nothing was changed');
    expect(() => states.reindex([{ params: [a] }, { params: [a] }], 'Rprop', 'stateDict')).toThrow('Rprop.stateDict: parameter 1 appears more than once in the parameter groups; nothing was changed');
  });

  it('replace puts new states in, returns the old ones, and has the next reindex rebuild the positions', () => {
    const [a, b] = [param(1), param(2)];
    const groups = [{ params: [a, b] }];
    const states = new ParameterStates();
    const { make } = maker();
    states.reindex(groups, 'X', 'step');
    states.makeMissing(groups, make);
    const old = [states.at(0), states.at(1)];
    const loaded: ParamState = { n: 99 };
    expect(states.replace(new Map([[b, loaded]]))).toEqual(old);
    expect(states.get(a)).toBeUndefined();
    expect(states.reindex(groups, 'X', 'step')).toBe(true); // same groups, but the positions are stale
    expect(states.at(1)).toBe(loaded);
    expect(states.shapes).toEqual([undefined, 5]);
  });
});

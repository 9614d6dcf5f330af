import { describe, expect, it } from 'vitest';
import { Adam, Rprop, type Parameter } from '../../src/index.js';
import { makeParam, nonZeroValues, PATHS, restoreKernelsAfterEach, setGrad, usePath } from './step-paths.js';

/**
 * `paramGroups` is open, and a group's `params` may be edited between steps (as PyTorch's param_groups
 * may): the state is kept by parameter, so each parameter must go on stepping on its own state, and a
 * parameter new to the optimizer must start afresh — wherever it now stands in the groups.
 */

restoreKernelsAfterEach();

const N = 37;

/** Steps `opt` with seeded gradients for `ps` (one gradient sequence per parameter, by its name). */
function stepWith(opt: Rprop | Adam, ps: Parameter[], t: number): void {
  for (const p of ps) setGrad(p, 'float64', nonZeroValues(p.data.length, 1000 * t + Number(p.name)));
  opt.step();
}

describe.each(PATHS)('a group whose params were edited between steps (%s path)', (path) => {
  it('reordered: each parameter steps on its own state, as without the reordering', () => {
    usePath(path);
    const run = (reorder: boolean) => {
      const ps = [1, 2, 3].map((k) => makeParam(path, 'float64', nonZeroValues(N, k), String(k)));
      const opt = new Rprop(ps, { lr: 0.05 });
      for (let t = 0; t < 3; t++) stepWith(opt, ps, t);
      if (reorder) opt.paramGroups[0]!.params.reverse();
      for (let t = 3; t < 6; t++) stepWith(opt, ps, t);
      return ps.map((p) => Array.from(p.data));
    };
    expect(run(true)).toStrictEqual(run(false));
  });

  it('a parameter replaced by a new one of another length: the new one starts afresh, the others keep their state', () => {
    usePath(path);
    const a = makeParam(path, 'float64', nonZeroValues(N, 1), '1');
    const b = makeParam(path, 'float64', nonZeroValues(N + 5, 2), '2');
    const c = makeParam(path, 'float64', nonZeroValues(N + 9, 3), '3');
    const opt = new Adam([{ params: [a] }, { params: [b] }], { lr: 0.01 });
    for (let t = 0; t < 2; t++) stepWith(opt, [a, b], t);
    opt.paramGroups[0]!.params[0] = c; // c, new, now stands where a stood (and b after it)
    stepWith(opt, [c, b], 2);

    // The same from fresh optimizers: b with two steps behind it, c with none.
    const b2 = makeParam(path, 'float64', nonZeroValues(N + 5, 2), '2');
    const c2 = makeParam(path, 'float64', nonZeroValues(N + 9, 3), '3');
    const forB = new Adam([b2], { lr: 0.01 });
    for (let t = 0; t < 3; t++) stepWith(forB, [b2], t);
    stepWith(new Adam([c2], { lr: 0.01 }), [c2], 2);
    expect(Array.from(b.data)).toStrictEqual(Array.from(b2.data));
    expect(Array.from(c.data)).toStrictEqual(Array.from(c2.data));
    expect(opt.stateDict().state['0']!.step).toBe(1);
    expect(opt.stateDict().state['1']!.step).toBe(3);
  });
});

describe('an edit that leaves no list of distinct parameters', () => {
  const cases: Array<[string, (ps: unknown[], a: Parameter) => void, RegExp]> = [
    ['a parameter twice', (ps, a) => ps.push(a), /^Rprop\.step: parameter 2 appears more than once in the parameter groups; nothing was changed$/],
    ['something not a parameter', (ps) => ps.push(null), /^Rprop\.step: parameter 2 must be \{ data: Float32Array \| Float64Array, grad \}, got null; nothing was changed$/],
  ];
  it.each(cases)('%s is refused, naming the parameter, and the step changes nothing', (_name, edit, message) => {
    refusedEdit((opt, a) => edit(opt.paramGroups[1]!.params as unknown[], a), message);
  });

  const groupCases: Array<[string, (groups: unknown[]) => void, RegExp]> = [
    ['a group without params', (groups) => (groups[1] = { lr: 0.1 }), /^Rprop\.step: group 1 must be \{ params: Parameter\[\], \.\.\.options \}, got params undefined; nothing was changed$/],
    ['a group that is no object', (groups) => (groups[1] = null), /^Rprop\.step: group 1 must be \{ params: Parameter\[\], \.\.\.options \}, got null; nothing was changed$/],
  ];
  it.each(groupCases)('%s is refused, naming the group, and the step changes nothing', (_name, edit, message) => {
    refusedEdit((opt) => edit(opt.paramGroups as unknown[]), message);
  });

  /** Steps once, applies `edit`, and checks that the next step is refused with `message`, changing nothing. */
  function refusedEdit(edit: (opt: Rprop, a: Parameter) => void, message: RegExp): void {
    const a: Parameter = { data: new Float64Array([1, 2]), grad: new Float64Array([1, -1]) };
    const b: Parameter = { data: new Float64Array([3]), grad: new Float64Array([1]) };
    const opt = new Rprop([{ params: [a] }, { params: [b] }]);
    opt.step();
    const snapshot = () => JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)]);
    const before = snapshot();
    const group = opt.paramGroups[1]!;
    edit(opt, a);
    expect(() => opt.step()).toThrow(message);
    // The edit undone (a stateDict cannot be made with it), the optimizer is as it was.
    opt.paramGroups[1] = group;
    group.params.length = 1;
    expect(snapshot()).toBe(before);
  }
});

describe('a skipped parameter whose data is no float array', () => {
  it('is skipped on a step after an edit as on any other step', () => {
    const a: Parameter = { data: new Float64Array([1, 2]), grad: new Float64Array([1, -1]) };
    const frozen = { data: [5, 6], grad: null } as unknown as Parameter; // not stepping: its data is not read
    const opt = new Rprop([{ params: [a] }, { params: [] }]);
    opt.step();
    opt.paramGroups[1]!.params.push(frozen);
    opt.step();
    expect(Array.from(a.data)).toStrictEqual([1 - 0.01 - 0.012, 2 + 0.01 + 0.012]);
  });
});

import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, SignSGD, Signum, VARIANTS, type Optimizer, type Parameter } from '../../src/index.js';
import type { Dtype } from '../properties/arbitraries.js';
import { makeParam, nonZeroValues, restoreKernelsAfterEach, setGrad, usePath, type Path } from './step-paths.js';

/**
 * `addParamGroup`, PyTorch's `add_param_group`: a group added to a running optimizer steps exactly as
 * if it had been there from the start (with the options the optimizer was made with), and a refused
 * group changes nothing.
 */

const N = 37; // past a few SIMD vectors, with a tail

restoreKernelsAfterEach();

/** A parameter of seeded values. */
const param = (path: Path, d: Dtype, seed: number, name: string): Parameter => makeParam(path, d, nonZeroValues(N, seed), name);

/** Parameter `seed`'s gradient at step t. */
const gradAt = (p: Parameter, d: Dtype, t: number, seed: number): void => setGrad(p, d, nonZeroValues(N, 1000 * seed + t));

const values = (p: Parameter) => Array.from(p.data);

/** Every optimizer, made with options other than its defaults (so "the optimizer's options" and "the class's defaults" differ). */
const makers: Array<[string, (ps: Parameter[]) => Optimizer<object>]> = [
  ...VARIANTS.map((variant) => [`Rprop ${variant}`, (ps: Parameter[]) => new Rprop(ps, { variant, lr: 0.03, etas: [0.4, 1.3] })] as [string, (ps: Parameter[]) => Optimizer<object>]),
  ['SignSGD', (ps) => new SignSGD(ps, { lr: 0.02 })],
  ['Signum', (ps) => new Signum(ps, { lr: 0.02, beta: 0.8 })],
  ['Lion', (ps) => new Lion(ps, { lr: 0.02, betas: [0.8, 0.95], weightDecay: 0.1 })],
  ['SGD', (ps) => new SGD(ps, { lr: 0.02, momentum: 0.9 })],
  ['Adam', (ps) => new Adam(ps, { lr: 0.02, betas: [0.8, 0.95] })],
];

describe.each(makers)('%s', (_name, make) => {
  describe.each<[Path, Dtype]>([
    ['plain', 'float32'], ['kernels', 'float32'], ['resident', 'float32'],
    ['plain', 'float64'], ['kernels', 'float64'], ['resident', 'float64'],
  ])('on the %s path, %s', (path, d) => {
    it('a group added after 3 steps then steps as a second optimizer made at that point with the same options', () => {
      usePath(path);
      const [a, b] = [param(path, d, 1, 'a'), param(path, d, 2, 'b')];
      const [a2, b2] = [param(path, d, 1, 'a'), param(path, d, 2, 'b')];
      const grown = make([a]);
      const first = make([a2]);
      let second: Optimizer<object> | null = null;
      // Every loss is new and rising, so iRprop+ backtracks (and both sides see the same sequence).
      for (let t = 0; t < 8; t++) {
        if (t === 3) {
          grown.addParamGroup({ params: [b] });
          second = make([b2]);
        }
        gradAt(a, d, t, 1);
        gradAt(a2, d, t, 1);
        if (t >= 3) {
          gradAt(b, d, t, 2);
          gradAt(b2, d, t, 2);
        }
        grown.step(() => t);
        first.step(() => t);
        second?.step(() => t);
        expect(values(a)).toEqual(values(a2));
        expect(values(b)).toEqual(values(b2));
      }
      const sd = grown.stateDict();
      expect(sd.state['0']).toEqual(first.stateDict().state['0']);
      expect(sd.state['1']).toEqual(second!.stateDict().state['0']);
      expect(sd.paramGroups.map((g) => g.params)).toEqual([[0], [1]]);
    });
  });

  it("fills the options a group leaves out with the optimizer's own, and keeps the ones it gives", () => {
    const a: Parameter = { data: new Float64Array(3), grad: null };
    const b: Parameter = { data: new Float64Array(3), grad: null };
    const opt = make([a]);
    opt.addParamGroup({ params: [b], lr: 0.005 } as never);
    const [g0, g1] = opt.paramGroups as unknown as Array<Record<string, unknown>>;
    expect(g1!.lr).toBe(0.005);
    for (const key of Object.keys(g0!).filter((k) => k !== 'params' && k !== 'lr')) expect(g1![key], key).toEqual(g0![key]);
    expect(g1!.params).toEqual([b]);
  });
});

describe('Rprop.addParamGroup', () => {
  it("takes the options the optimizer was made with, not another group's, in arrays of its own", () => {
    const a: Parameter = { data: new Float32Array(3), grad: null };
    const b: Parameter = { data: new Float32Array(3), grad: null };
    const opt = new Rprop([{ params: [a], lr: 0.5, variant: 'rprop+', stepSizes: [0, 2] }], { lr: 0.03, etas: [0.4, 1.3] });
    opt.addParamGroup({ params: [b], maximize: true });
    const added = opt.paramGroups[1]!;
    expect({ ...added, params: undefined }).toEqual({ lr: 0.03, etas: [0.4, 1.3], stepSizes: [1e-6, 50], variant: 'irprop-', maximize: true, params: undefined });
    (added.etas as [number, number])[1] = 1.1; // not the first group's array, nor the defaults'
    expect(opt.paramGroups[0]!.etas).toEqual([0.4, 1.3]);
    expect(new Rprop([a], { lr: 0.03, etas: [0.4, 1.3] }).paramGroups[0]!.etas).toEqual([0.4, 1.3]);
  });

  it('a saved state with the added group loads into an optimizer made with both groups and continues alike', () => {
    const mk = () => [{ data: new Float32Array(nonZeroValues(N, 1)), grad: null }, { data: new Float32Array(nonZeroValues(N, 2)), grad: null }] as Parameter[];
    const [a, b] = mk();
    const opt = new Rprop([a!], { variant: 'irprop+' });
    opt.addParamGroup({ params: [b!], lr: 0.1 });
    for (let t = 0; t < 4; t++) {
      a!.grad = new Float32Array(nonZeroValues(N, 10 + t));
      b!.grad = new Float32Array(nonZeroValues(N, 20 + t));
      opt.step(() => 10 - t);
    }
    const [a2, b2] = mk();
    a2!.data.set(a!.data);
    b2!.data.set(b!.data);
    const restored = new Rprop([{ params: [a2!] }, { params: [b2!], lr: 0.1 }], { variant: 'irprop+' });
    restored.loadStateDict(JSON.parse(JSON.stringify(opt.stateDict())));
    a!.grad = a2!.grad = new Float32Array(nonZeroValues(N, 99));
    b!.grad = b2!.grad = new Float32Array(nonZeroValues(N, 98));
    opt.step(() => 11);
    restored.step(() => 11);
    expect(values(a2!)).toEqual(values(a!));
    expect(values(b2!)).toEqual(values(b!));
    expect(restored.stateDict()).toEqual(opt.stateDict());
  });

  it('a state saved before the group was added no longer loads: it has a group fewer', () => {
    const a: Parameter = { data: new Float32Array(2), grad: new Float32Array([1, -1]) };
    const opt = new Rprop([a]);
    opt.step();
    const before = opt.stateDict();
    opt.addParamGroup({ params: [{ data: new Float32Array(2), grad: null }] });
    expect(() => opt.loadStateDict(before)).toThrow('Rprop.loadStateDict: the state has 1 parameter group, this optimizer has 2');
  });

  const w: Parameter = { data: new Float32Array(2), grad: null, name: 'w' };
  const v: Parameter = { data: new Float32Array(2), grad: null, name: 'v' };
  const fresh: Parameter = { data: new Float32Array(2), grad: null, name: 'fresh' };
  it.each<[string, unknown, string | RegExp]>([
    ['a parameter already in the first group', { params: [fresh, w] }, 'Rprop.addParamGroup: parameter 0 ("w") is already in group 0'],
    ['a parameter already in the second group', { params: [v] }, 'Rprop.addParamGroup: parameter 1 ("v") is already in group 1'],
    ['a parameter twice in the new group', { params: [fresh, fresh] }, 'Rprop.addParamGroup: parameter 3 ("fresh") appears more than once'],
    ['a misspelt option', { params: [fresh], step_sizes: [0, 1] }, /^Rprop\.addParamGroup: unknown option "step_sizes" in group 2 \(did you mean 'stepSizes'\?\)/],
    ['an option out of range', { params: [fresh], etas: [0.5, 0.9] }, 'Rprop.addParamGroup: etas[1] (η+, group 2) must satisfy η+ > 1, got 0.9'],
    ['an η+ that rounds to 1 in float32', { params: [fresh], etas: [0.5, 1 + 1e-9] }, /^Rprop\.addParamGroup: etas\[1\] \(η\+, group 2\) must be > 1 once rounded/],
    ['something other than a group', null, 'Rprop.addParamGroup: group 2 must be { params: Parameter[], ...options }, got null'],
    ['a group without params', { lr: 0.1 }, 'Rprop.addParamGroup: group 2 must have params: Parameter[], got undefined'],
    ['a parameter that is not one', { params: [fresh, { data: [1, 2], grad: null }] }, 'Rprop.addParamGroup: parameter 3 must be { data: Float32Array | Float64Array, grad }'],
  ])('refuses %s, changing nothing', (_what, group, message) => {
    const opt = new Rprop([{ params: [w] }, { params: [v], lr: 0.2 }]);
    w.grad = new Float32Array([1, -1]);
    opt.step();
    const before = JSON.stringify({ sd: opt.stateDict(), groups: opt.paramGroups });
    expect(() => opt.addParamGroup(group as never)).toThrow(message);
    expect(JSON.stringify({ sd: opt.stateDict(), groups: opt.paramGroups })).toBe(before);
    expect(opt.paramGroups).toHaveLength(2);
    // It still steps, and a good group can still be added.
    opt.step();
    opt.addParamGroup({ params: [fresh] });
    expect(opt.paramGroups).toHaveLength(3);
    w.grad = null;
  });
});

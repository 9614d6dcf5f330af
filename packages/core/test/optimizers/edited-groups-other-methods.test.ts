import { describe, expect, it } from 'vitest';
import { Rprop, Signum, type Parameter } from '../../src/index.js';

/** stateDict, zeroGrad and addParamGroup check groups edited since as a step does, naming themselves. */
describe('an edited paramGroups entry that is no group', () => {
  const make = () => {
    const a: Parameter = { data: new Float32Array([1, 2]), grad: new Float32Array([0.5, -0.5]) };
    const b: Parameter = { data: new Float32Array([3]), grad: new Float32Array([1]) };
    return { a, b, opts: [new Rprop([{ params: [a] }, { params: [b] }]), new Signum([{ params: [a] }, { params: [b] }])] };
  };

  it.each([
    ['null', null, /group 1 must be \{ params: Parameter\[\], \.\.\.options \}, got null; nothing was changed/],
    ['{ lr } without params', { lr: 0.1 }, /group 1 must be \{ params: Parameter\[\], \.\.\.options \}, got params undefined; nothing was changed/],
  ])('%s: refused by stateDict, zeroGrad and addParamGroup with the method named, changing nothing', (_, entry, message) => {
    const { a, b, opts } = make();
    for (const opt of opts) {
      opt.step();
      const saved = JSON.stringify(opt.stateDict());
      const kept = opt.paramGroups[1]!;
      (opt.paramGroups as unknown[])[1] = entry;
      const name = opt.constructor.name;
      expect(() => opt.stateDict()).toThrow(new RegExp(`^${name}\\.stateDict: ${message.source}`));
      expect(() => opt.zeroGrad()).toThrow(new RegExp(`^${name}\\.zeroGrad: ${message.source}`));
      expect(Array.from(a.grad!)).toEqual([0.5, -0.5]); // not zeroed
      const c: Parameter = { data: new Float32Array([5]), grad: null };
      expect(() => opt.addParamGroup({ params: [c] })).toThrow(new RegExp(`^${name}\\.addParamGroup: ${message.source}`));
      expect(opt.paramGroups).toHaveLength(2);
      (opt.paramGroups as unknown[])[1] = kept;
      expect(JSON.stringify(opt.stateDict())).toBe(saved);
      expect(b.grad).not.toBeNull();
    }
  });

  it('a parameter edited into a group twice is named by stateDict', () => {
    const { a, opts } = make();
    const opt = opts[0]!;
    opt.paramGroups[1]!.params.push(a);
    expect(() => opt.stateDict()).toThrow(/^Rprop\.stateDict: parameter 2 appears more than once in the parameter groups; nothing was changed/);
  });
});

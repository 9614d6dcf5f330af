import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, SignSGD, Signum, type Optimizer, type Parameter } from '../../src/index.js';

// An option refused by addParamGroup, loadStateDict or step said 'Rprop: lr …', as the constructor
// does, so a message did not say which call refused it (a checkpoint's bad option read like a
// constructor's). Each names its method now, float32 checks included.

type Make = (params: Parameter[]) => Optimizer<{ lr: number }>;
const makers: Array<[string, Make, Record<string, unknown>]> = [
  ['Rprop', (ps) => new Rprop(ps), { etas: [0.5, 1 + 1e-9] }],
  ['SignSGD', (ps) => new SignSGD(ps), { lr: 1e39 }],
  ['Signum', (ps) => new Signum(ps), { beta: 0.999999999 }],
  ['Lion', (ps) => new Lion(ps), { weightDecay: 1e39 }],
  ['SGD', (ps) => new SGD(ps), { lr: 1e39 }],
  ['Adam', (ps) => new Adam(ps), { eps: 1e-50 }],
];
const p32 = (): Parameter => ({ data: Float32Array.of(1, 2), grad: Float32Array.of(0.5, -0.5) });

describe.each(makers)('%s', (name, make, float32Bad) => {
  const stepped = () => {
    const opt = make([p32()]);
    opt.step(() => 1);
    return opt;
  };
  const snapshot = (opt: Optimizer<{ lr: number }>) => JSON.stringify([opt.stateDict(), opt.paramGroups.length]);

  it('addParamGroup names itself for an option out of range, and for one out of float32 range', () => {
    const opt = stepped();
    const before = snapshot(opt);
    expect(() => opt.addParamGroup({ params: [p32()], lr: -1 })).toThrow(new RegExp(`^${name}\\.addParamGroup: lr \\(group 1\\) must be ≥ 0, got -1$`));
    expect(() => opt.addParamGroup({ params: [p32()], ...float32Bad })).toThrow(new RegExp(`^${name}\\.addParamGroup: .* \\(.*group 1\\) .*once rounded to float32`));
    expect(snapshot(opt)).toBe(before);
  });

  it('loadStateDict names itself for a saved option out of range, and for one out of float32 range', () => {
    const opt = stepped();
    const before = snapshot(opt);
    const bad = JSON.parse(before)[0];
    bad.paramGroups[0].lr = -1;
    expect(() => opt.loadStateDict(bad)).toThrow(new RegExp(`^${name}\\.loadStateDict: lr \\(group 0 of the loaded state\\) must be ≥ 0, got -1$`));
    const bad32 = JSON.parse(before)[0];
    Object.assign(bad32.paramGroups[0], float32Bad);
    expect(() => opt.loadStateDict(bad32)).toThrow(new RegExp(`^${name}\\.loadStateDict: .*group 0 of the loaded state\\) .*once rounded to float32`));
    expect(snapshot(opt)).toBe(before);
  });

  it('step names itself for an option set out of range since', () => {
    const opt = stepped();
    opt.paramGroups[0]!.lr = NaN;
    expect(() => opt.step(() => 1)).toThrow(new RegExp(`^${name}\\.step: lr must be finite, got NaN$`));
  });
});

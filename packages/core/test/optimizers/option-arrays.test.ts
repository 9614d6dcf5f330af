import { describe, expect, it } from 'vitest';
import { Adam, ADAM_DEFAULTS, LION_DEFAULTS, MINIMIZE_DEFAULTS, Rprop, RPROP_DEFAULTS, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 2), grad: Float64Array.of(1, 1) });

// Options may be changed between steps, also in place; each group must own its arrays, or the change
// reaches the exported defaults, every other group and every optimizer made later.
describe('each parameter group owns its array options', () => {
  it('changing a group\'s etas in place changes neither the defaults, nor another group, nor a later optimizer', () => {
    const opt = new Rprop([{ params: [param()] }, { params: [param()] }]);
    (opt.paramGroups[0]!.etas as [number, number])[1] = 3;
    expect(opt.paramGroups[1]!.etas).toEqual([0.5, 1.2]);
    expect(RPROP_DEFAULTS.etas).toEqual([0.5, 1.2]);
    expect(new Rprop([param()]).paramGroups[0]!.etas).toEqual([0.5, 1.2]);
  });

  it('the caller\'s options and a loaded dict stay the caller\'s: changing them later changes nothing', () => {
    const betas: [number, number] = [0.8, 0.99];
    const adam = new Adam([param()], { betas });
    betas[0] = 0.5;
    expect(adam.paramGroups[0]!.betas).toEqual([0.8, 0.99]);
    const sd = new Rprop([param()], { stepSizes: [0, 1] }).stateDict();
    const opt = new Rprop([param()]);
    opt.loadStateDict(sd);
    (sd.paramGroups[0]!.stepSizes as [number, number])[0] = 5;
    expect(opt.paramGroups[0]!.stepSizes).toEqual([0, 1]);
  });
});

describe('the exported defaults cannot be changed, arrays included', () => {
  // In plain JavaScript `RPROP_DEFAULTS.etas[0] = 0.3` would otherwise change every later optimizer's
  // default (TypeScript's readonly stops only typed callers). ES modules are strict: the write throws.
  it.each<[string, readonly number[]]>([
    ['RPROP_DEFAULTS.etas', RPROP_DEFAULTS.etas],
    ['RPROP_DEFAULTS.stepSizes', RPROP_DEFAULTS.stepSizes],
    ['LION_DEFAULTS.betas', LION_DEFAULTS.betas],
    ['ADAM_DEFAULTS.betas', ADAM_DEFAULTS.betas],
    ['MINIMIZE_DEFAULTS.etas', MINIMIZE_DEFAULTS.etas],
    ['MINIMIZE_DEFAULTS.stepSizes', MINIMIZE_DEFAULTS.stepSizes],
  ])('%s', (_name, array) => {
    const before = [...array];
    expect(() => ((array as number[])[0] = 0.3)).toThrow(TypeError);
    expect([...array]).toEqual(before);
    expect(new Rprop([param()]).paramGroups[0]!.etas).toEqual([0.5, 1.2]);
  });
});


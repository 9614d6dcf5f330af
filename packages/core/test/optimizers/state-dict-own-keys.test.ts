import { describe, expect, it } from 'vitest';
import { Lion, Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: new Float64Array([1, 2]), grad: new Float64Array([0.5, -0.5]) });

describe("stateDict with a group's own keys", () => {
  it('saves plain data a group carries beside its options, as a copy', () => {
    const tags = ['encoder'];
    const opt = new Rprop([{ params: [param()] }, { params: [param()], tags } as never]);
    opt.step();
    const sd = opt.stateDict();
    expect((sd.paramGroups[1] as unknown as { tags: string[] }).tags).toEqual(['encoder']);
    tags.push('changed later');
    expect((sd.paramGroups[1] as unknown as { tags: string[] }).tags).toEqual(['encoder']);
  });

  it.each([
    ['a function', () => 1, /Rprop\.stateDict: group 1 has a key 'onStep' holding a function, which a state dict cannot hold/],
    ['a symbol', Symbol('s'), /Rprop\.stateDict: group 1 has a key 'onStep' holding a symbol, which a state dict cannot hold/],
  ])('refuses %s in a group, naming the group and the key (not the engine\'s bare DataCloneError)', (_, value, message) => {
    const opt = new Rprop([{ params: [param()] }, { params: [param()], onStep: value } as never]);
    opt.step();
    expect(() => opt.stateDict()).toThrow(TypeError);
    expect(() => opt.stateDict()).toThrow(message);
  });

  it('names the optimizer that was asked', () => {
    const opt = new Lion([{ params: [param()], callback: () => 0 } as never]);
    expect(() => opt.stateDict()).toThrow(/^Lion\.stateDict: group 0 has a key 'callback'/);
  });
});

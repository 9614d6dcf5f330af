import { describe, expect, it } from 'vitest';
import { Lion, Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: new Float64Array([1, 2]), grad: new Float64Array([0.5, -0.5]) });

describe("stateDict with a group's own keys", () => {
  it('saves plain data a group carries beside its options, as a copy', () => {
    const tags = ['encoder'];
    const meta = { owner: 'me', sizes: [1, 2], note: null, nested: Object.assign(Object.create(null), { a: true }) };
    const opt = new Rprop([{ params: [param()] }, { params: [param()], tags, meta } as never]);
    opt.step();
    const sd = opt.stateDict();
    expect((sd.paramGroups[1] as unknown as { tags: string[] }).tags).toEqual(['encoder']);
    tags.push('changed later');
    expect((sd.paramGroups[1] as unknown as { tags: string[] }).tags).toEqual(['encoder']);
    // and it goes through JSON unchanged
    expect(JSON.parse(JSON.stringify(sd))).toEqual(JSON.parse(JSON.stringify(opt.stateDict())));
    expect(JSON.parse(JSON.stringify(sd)).paramGroups[1].meta).toEqual({ owner: 'me', sizes: [1, 2], note: null, nested: { a: true } });
  });

  it.each([
    ['a function', () => 1, /Rprop\.stateDict: group 1 has a key 'onStep' holding a function, which a state dict cannot hold/],
    ['a symbol', Symbol('s'), /Rprop\.stateDict: group 1 has a key 'onStep' holding a symbol, which a state dict cannot hold/],
    ['a BigInt (JSON.stringify would throw)', 10n, /group 1 has a key 'onStep' holding 10n \(a BigInt\), which a state dict cannot hold/],
    ['a Map (JSON would make it {})', new Map([[1, 2]]), /group 1 has a key 'onStep' holding a Map, which/],
    ['a Date (JSON would make it a string)', new Date(0), /group 1 has a key 'onStep' holding a Date, which/],
    ['a typed array (JSON would make it an object)', new Float32Array(2), /group 1 has a key 'onStep' holding Float32Array\(2\), which/],
    ['NaN (JSON would make it null)', NaN, /group 1 has a key 'onStep' holding NaN, which a state dict cannot hold/],
    ['Infinity inside an array (JSON would make it null)', [1, Infinity], /group 1 has a key 'onStep' holding Infinity inside it, which/],
    ['a function deep inside plain data', { hooks: [1, { after: () => 0 }] }, /group 1 has a key 'onStep' holding a function inside it, which/],
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

import { describe, expect, it } from 'vitest';
import { Lion, Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 2), grad: Float64Array.of(1, 1) });

// addParamGroup gives the options a group leaves out "the values the optimizer was made with": the
// constructor's options object is the caller's, and so are its arrays, which it may change in place
// afterwards (to make another optimizer from the same object, say).
describe('addParamGroup after the caller changed the options it made the optimizer with', () => {
  it("a group added later takes the etas the optimizer was made with, not the caller's array as changed since", () => {
    const options = { etas: [0.5, 1.2] as [number, number] };
    const opt = new Rprop([param()], options);
    options.etas[1] = 3;
    opt.addParamGroup({ params: [param()] });
    expect(opt.paramGroups[1]!.etas).toStrictEqual([0.5, 1.2]);
  });

  it('nor is a group refused for a value the caller put in that array since (Lion betas)', () => {
    const options = { betas: [0.9, 0.99] as [number, number] };
    const opt = new Lion([param()], options);
    options.betas[0] = 1;
    opt.addParamGroup({ params: [param()] });
    expect(opt.paramGroups[1]!.betas).toStrictEqual([0.9, 0.99]);
  });
});

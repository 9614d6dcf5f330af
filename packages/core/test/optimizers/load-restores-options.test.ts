import { describe, expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, -2, 3), grad: Float64Array.of(1, -1, 1) });

// loadStateDict restores each group's options with the state, in place of the loading optimizer's
// (as PyTorch's load_state_dict does); the README says so.
describe("loadStateDict restores the groups' options", () => {
  it('a dict saved by iRprop+ with its own etas makes the loading group iRprop+ with those etas, and it steps so', () => {
    const saver = new Rprop([{ params: [param()] }, { params: [param()], variant: 'irprop+', etas: [0.25, 1.5], lr: 0.2 }]);
    saver.step(() => 1);
    const sd = JSON.parse(JSON.stringify(saver.stateDict()));
    const loader = new Rprop([{ params: [param()] }, { params: [param()] }], { lr: 0.05, stepSizes: [0, 1] });
    loader.loadStateDict(sd);
    const { params: _, ...options } = loader.paramGroups[1]!;
    expect(options).toStrictEqual({ lr: 0.2, etas: [0.25, 1.5], stepSizes: [1e-6, 50], variant: 'irprop+', maximize: false });
    // Its next step is the saver's: iRprop+ with η+ = 1.5, so without a loss it is refused.
    expect(() => loader.step()).toThrow(/'irprop\+' variant \(group 1\) needs the loss/);
    saver.step(() => 0.5);
    loader.step(() => 0.5);
    expect(loader.stateDict()).toStrictEqual(saver.stateDict());
  });
});

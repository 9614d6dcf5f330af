import { describe, expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 2), grad: Float64Array.of(1, -1) });

// A + variant needs the loss; where only one group of several is +, the message says which.
describe('a step without a loss, refused for a + variant', () => {
  it('names the group that needs it when there are several', () => {
    const opt = new Rprop([{ params: [param()] }, { params: [param()] }, { params: [param()], variant: 'rprop+' }]);
    expect(() => opt.step()).toThrow(
      "Rprop.step: the 'rprop+' variant (group 2) needs the loss: call step(closure) with a closure that returns the loss of the current point; nothing was changed",
    );
  });

  it('names no group when there is one', () => {
    const opt = new Rprop([param()], { variant: 'irprop+' });
    expect(() => opt.step()).toThrow(/^Rprop\.step: the 'irprop\+' variant needs the loss: /);
  });
});

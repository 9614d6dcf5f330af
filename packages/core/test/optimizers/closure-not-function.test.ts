import { describe, expect, it } from 'vitest';
import { Lion, Rprop, SGD, type Parameter } from '../../src/index.js';

describe('step(closure) with a closure that is not a function', () => {
  it.each([5, 'loss', {}, null])('refuses %s by name, changing nothing', (closure) => {
    for (const make of [(p: Parameter[]) => new Rprop(p, { variant: 'irprop+' }), (p: Parameter[]) => new Lion(p), (p: Parameter[]) => new SGD(p, { lr: 0.1 })]) {
      const p: Parameter = { data: new Float64Array([1, -2]), grad: new Float64Array([0.5, 0.5]) };
      const opt = make([p]);
      const before = JSON.stringify(opt.stateDict());
      expect(() => opt.step(closure as never)).toThrow(/step: the closure must be a function returning the loss, got .*nothing was changed/);
      expect(Array.from(p.data)).toEqual([1, -2]);
      expect(JSON.stringify(opt.stateDict())).toBe(before);
    }
  });
});

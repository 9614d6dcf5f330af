import { describe, expect, it } from 'vitest';
import { Adam, type Parameter } from '../../src/index.js';

// Adam's expAvgSq is an average of squared gradients, and a step takes its square root: a loaded
// negative value would make the next step write NaN into the weight, with no error. loadStateDict
// refuses it, as Rprop's refuses a negative step size, and changes nothing.
describe('Adam.loadStateDict and the second moment', () => {
  const param = (): Parameter => ({ data: Float64Array.of(1, 2), grad: Float64Array.of(0.5, 1) });

  it('refuses a negative expAvgSq, naming the parameter, the key and the index, and changes nothing', () => {
    const saver = new Adam([param()]);
    saver.step();
    const sd = JSON.parse(JSON.stringify(saver.stateDict()));
    sd.state['0'].expAvgSq[1] = -1e-3;
    const p = param();
    const opt = new Adam([p]);
    opt.step();
    const before = JSON.stringify(opt.stateDict());
    expect(() => opt.loadStateDict(sd)).toThrow(
      "Adam.loadStateDict: parameter 0's state 'expAvgSq' must hold averages of squares, ≥ 0, got -0.001 at index 1",
    );
    expect(JSON.stringify(opt.stateDict())).toBe(before);
  });

  it('loads a second moment of −0 (JSON gives +0; a square root of −0 is no NaN) and steps to finite weights', () => {
    const saver = new Adam([param()]);
    saver.step();
    const sd = saver.stateDict();
    (sd.state['0']!.expAvgSq as number[])[0] = -0;
    const p = param();
    const opt = new Adam([p]);
    opt.loadStateDict(sd);
    opt.step();
    expect(Array.from(p.data).every(Number.isFinite)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { minimize, Rprop, Signum, type Parameter } from '../../src/index.js';

/**
 * Slips a caller makes that must not pass silently — and what must stay allowed next to them.
 * (The table of refusals with their messages is in bad-input.test.ts.)
 */

describe('parameter groups keep keys of their own that resemble no option', () => {
  it.each(['name', 'tag', 'id', 'lrScale', 'frozen', 'layer', 'data'])('%s', (key) => {
    const p: Parameter = { data: new Float32Array(2), grad: new Float32Array([1, -1]) };
    const opt = new Rprop([{ params: [p], [key]: 'x' }]);
    expect(opt.paramGroups[0]![key]).toBe('x');
    opt.step();
    expect(Array.from(p.data)).toEqual([Math.fround(-0.01), Math.fround(0.01)]);
  });

  it('as the types say: a group literal may carry them, and options in it are still checked', () => {
    const p: Parameter = { data: new Float32Array(2), grad: new Float32Array([1, -1]) };
    const opt = new Rprop([{ params: [p], name: 'encoder', lr: 0.1 }]);
    const name: unknown = opt.paramGroups[0]!.name;
    expect([name, opt.paramGroups[0]!.lr]).toEqual(['encoder', 0.1]);
    expect(opt.stateDict().paramGroups[0]).toMatchObject({ name: 'encoder', params: [0] });
    // @ts-expect-error: an option's value keeps its type next to keys of the caller's own
    expect(() => new Rprop([{ params: [p], name: 'encoder', lr: '0.1' }])).toThrow(/lr/);
  });

  it('null or undefined options are no options', () => {
    const p = (): Parameter => ({ data: new Float32Array(1), grad: null });
    expect(new Signum([p()], undefined).paramGroups[0]!.lr).toBe(1e-3);
    expect(new Signum([p()], null as never).paramGroups[0]!.lr).toBe(1e-3);
  });
});

describe('minimize: an f that returns no number is a mistake in the code, thrown', () => {
  it('a forgotten return', () => {
    const f = (x: Float64Array, grad: Float64Array) => {
      grad[0] = 2 * x[0]!;
    };
    expect(() => minimize(f as never, [1])).toThrow(new TypeError('minimize: fun must return f(x) as a number, got undefined at iteration 0'));
  });

  it('an async f', () => {
    const f = async (x: Float64Array, grad: Float64Array) => {
      grad[0] = 2 * x[0]!;
      return x[0]! ** 2;
    };
    expect(() => minimize(f as never, [1])).toThrow('minimize: fun must return f(x) as a number, got a Promise (minimize is synchronous: fun cannot be async) at iteration 0');
  });

  it('a string after some iterations', () => {
    let calls = 0;
    const f = (x: Float64Array, grad: Float64Array) => {
      grad[0] = 2 * x[0]!;
      return calls++ < 3 ? x[0]! ** 2 : String(x[0]! ** 2);
    };
    expect(() => minimize(f as never, [1])).toThrow(/^minimize: fun must return f\(x\) as a number, got "[0-9.e-]+" at iteration 3$/);
  });

  it('while a NaN f stays a point where f is undefined: the run stops unconverged, with the best point', () => {
    let calls = 0;
    const r = minimize((x, grad) => {
      grad[0] = 2 * (x[0]! - 1);
      return calls++ < 5 ? (x[0]! - 1) ** 2 : NaN;
    }, [3]);
    expect(r).toMatchObject({ converged: false, message: 'f(x) is NaN at iteration 5', evaluations: 6 });
    expect(r.fun).toBeLessThan(4);
  });
});

describe('zeroGrad(setToNone), as PyTorch\'s zero_grad(set_to_none=True)', () => {
  it('sets every gradient to null, so a parameter not given one again is skipped', () => {
    const a: Parameter = { data: new Float64Array([1, 2]), grad: new Float64Array([1, -1]) };
    const b = Rprop.allocate(3, 'float64');
    b.gradBuffer.set([1, 1, 1]);
    const opt = new Rprop([a, b]);
    opt.step();
    opt.zeroGrad(true);
    expect([a.grad, b.grad]).toEqual([null, null]);
    const before = JSON.stringify(opt.stateDict());
    const values = [Array.from(a.data), Array.from(b.data)];
    opt.step();
    expect([Array.from(a.data), Array.from(b.data)]).toEqual(values);
    expect(JSON.stringify(opt.stateDict())).toBe(before);
    // A resident parameter's buffer comes back as its gradient when set again.
    b.grad = b.gradBuffer;
    opt.step();
    expect(Array.from(b.data)).not.toEqual(values[1]);
  });

  it('without it keeps the buffers and zeroes them; anything but a boolean is refused', () => {
    const g = new Float32Array([3, -4]);
    const a: Parameter = { data: new Float32Array(2), grad: g };
    const opt = new Rprop([a]);
    opt.zeroGrad();
    expect(a.grad).toBe(g);
    expect(Array.from(g)).toEqual([0, 0]);
    expect(() => opt.zeroGrad('yes' as never)).toThrow(new TypeError('Rprop.zeroGrad: setToNone must be true or false, got "yes"'));
    expect(() => opt.zeroGrad({ setToNone: true } as never)).toThrow(TypeError);
    expect(a.grad).toBe(g);
  });
});

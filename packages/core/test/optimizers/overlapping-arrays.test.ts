import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Lion, Rprop, SignSGD, Signum, useKernels, VARIANTS, type Optimizer, type Parameter } from '../../src/index.js';
import { overlappingArrays } from '../../src/optimizers/overlapping-arrays.js';

afterEach(() => useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 }));

const OPTIMIZERS: Record<string, (ps: Parameter[]) => Optimizer<object>> = {
  ...Object.fromEntries(VARIANTS.map((v) => [v, (ps: Parameter[]) => new Rprop(ps, { lr: 2, variant: v })])),
  SignSGD: (ps) => new SignSGD(ps, { lr: 2 }),
  Signum: (ps) => new Signum(ps, { lr: 2 }),
  Lion: (ps) => new Lion(ps, { lr: 2 }),
};

// Found by review: with b's gradient being a's values, the reference rules (and PyTorch) read it
// after a's update and the kernels (staged gradient) before it — [7, 6, 5, 6] against [3, 4, 5, 6].
describe.each(Object.keys(OPTIMIZERS))('%s refuses a step whose values share memory', (name) => {
  const make = OPTIMIZERS[name]!;
  for (const kernels of [false, true]) {
    it(`with another parameter's gradient or values (kernels ${kernels ? 'on' : 'off'}), changing nothing`, () => {
      useKernels(kernels, { minLength: 0 });
      const buffer = new Float64Array(12);
      const cases: Array<[Parameter, Parameter, RegExp]> = [
        [{ data: Float64Array.of(1, 2, 3, 4), grad: Float64Array.of(1, 1, 1, 1) }, { data: Float64Array.of(5, 6, 7, 8), grad: null }, /values of parameter 0 share memory with the gradient of parameter 1/],
        [{ data: buffer.subarray(0, 4), grad: Float64Array.of(1, 1, 1, 1) }, { data: buffer.subarray(2, 6), grad: Float64Array.of(-1, 1, 0, 1) }, /values of parameter 0 share memory with the values of parameter 1/],
        [{ data: buffer.subarray(4, 8), grad: buffer.subarray(2, 6) }, { data: new Float64Array(4), grad: Float64Array.of(1, 1, 1, 1) }, /values of parameter 0 share memory with the gradient of the same parameter/],
      ];
      for (const [a, b, message] of cases) {
        if (b.grad === null) b.grad = a.data;
        buffer.set([1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12]);
        const opt = make([a, b]);
        const before = [Array.from(a.data), Array.from(b.data), JSON.stringify(opt.stateDict())];
        expect(() => opt.step(() => 1)).toThrow(message);
        expect([Array.from(a.data), Array.from(b.data), JSON.stringify(opt.stateDict())]).toEqual(before);
      }
    });
  }

  it('but steps arrays that share a buffer without overlapping, and a gradient shared by two parameters, alike on every path', () => {
    const run = (kernels: boolean) => {
      useKernels(kernels, { minLength: 0 });
      const buffer = Float64Array.from({ length: 24 }, (_, i) => (i % 5) - 2.5);
      const shared = Float64Array.of(1, -1, 0, 2, 3, -3);
      const ps: Parameter[] = [
        { data: buffer.subarray(0, 6), grad: buffer.subarray(6, 12) },
        { data: buffer.subarray(12, 18), grad: shared },
        { data: buffer.subarray(18, 24), grad: shared },
      ];
      const opt = make(ps);
      for (let t = 0; t < 3; t++) opt.step(() => 1 - t);
      return [Array.from(buffer), JSON.stringify(opt.stateDict())];
    };
    expect(run(true)).toEqual(run(false));
  });
});

describe('overlappingArrays', () => {
  it('finds an overlap of values with values or with a gradient exactly when there is one', () => {
    // Arrays cut from two buffers: overlaps, touching ends, empty arrays, whole buffers.
    const buffers = [new ArrayBuffer(64), new ArrayBuffer(64)];
    const span = fc.record({ buffer: fc.integer({ min: 0, max: 1 }), start: fc.integer({ min: 0, max: 8 }), length: fc.integer({ min: 0, max: 8 }) });
    const param = fc.record({ values: span, grad: fc.option(span) });
    fc.assert(
      fc.property(fc.array(param, { minLength: 1, maxLength: 6 }), (ps) => {
        const view = (s: { buffer: number; start: number; length: number }) => new Float32Array(buffers[s.buffer]!, 4 * s.start, s.length);
        const values = ps.map((p) => view(p.values));
        const grads = ps.map((p) => (p.grad === null ? null : view(p.grad)));
        const meets = (a: Float32Array, b: Float32Array) =>
          a.buffer === b.buffer && a.length > 0 && b.length > 0 && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
        const stepping = values.map((_, i) => i).filter((i) => grads[i] !== null);
        const expected = stepping.some((i) => stepping.some((j) => (i !== j && meets(values[i]!, values[j]!)) || meets(values[i]!, grads[j]!)));
        const found = overlappingArrays(values.map((data) => ({ data })), grads);
        expect(found !== null).toBe(expected);
        if (found !== null) {
          const other = found.gradient ? grads[found.other]! : values[found.other]!;
          expect(meets(values[found.values]!, other)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { copyFloor, draws, DTYPES, plainPath, selectShapes, SHAPES, zeroCopyPath } from '../../bench/paths.mjs';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { stateBytesPerParameter } from '../../bench/state-bytes.mjs';

interface Shape {
  label: string;
  tensors: number;
  size: number;
}
type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;
const dtypes = DTYPES as Array<{ dtype: string; Ctor: Ctor }>;
const small: Shape = { label: 'small', tensors: 3, size: 1000 };

describe('what the kernel benchmark times (bench/paths.mjs)', () => {
  it('each shape is what its label says: "1e6" one tensor of 10⁶, "200×5000" 200 tensors of 5000', () => {
    for (const s of SHAPES as Shape[]) {
      const [tensors, size] = s.label.includes('×') ? s.label.split('×').map(Number) : [1, Number(s.label)];
      expect({ tensors: s.tensors, size: s.size }, s.label).toEqual({ tensors, size });
    }
  });

  it("each dtype's arrays hold numbers of that many bits", () => {
    for (const { dtype, Ctor } of dtypes) expect(Ctor.BYTES_PER_ELEMENT * 8, dtype).toBe(Number(dtype.slice('float'.length)));
  });

  it('--shape picks one shape (an ASCII x standing for ×), --quick leaves out those of 10⁷ parameters', () => {
    const labels = (o: { quick?: boolean; only?: string }) => (selectShapes(SHAPES, o) as Shape[]).map((s) => s.label);
    expect(labels({ only: '200x5000' })).toEqual(['200×5000']);
    expect(labels({ only: '1e6' })).toEqual(['1e6']);
    expect(labels({ quick: true })).toEqual(['1e4', '1e6', '200×5000']);
    expect(labels({})).toEqual((SHAPES as Shape[]).map((s) => s.label));
  });

  it('--shape naming no shape measured is an error that lists the shapes, not an empty table', () => {
    expect(() => selectShapes(SHAPES, { only: '2e6' })).toThrow('--shape=2e6 names none of the shapes measured: 1e4, 1e6, 1e7, 200×5000, 200×50000');
    expect(() => selectShapes(SHAPES, { quick: true, only: '1e7' })).toThrow('--shape=1e7 names none of the shapes measured with --quick: 1e4, 1e6, 200×5000');
  });

  it("the copy floor moves what a step moves: w, g and the state read, w and the state written", () => {
    const state = stateBytesPerParameter() as Record<string, number>;
    for (const { dtype, Ctor } of dtypes) {
      const element = Ctor.BYTES_PER_ELEMENT;
      const stateBytes = state[`irprop- ${dtype}`]!; // the defaults' variant
      const perParameter = 2 * element + stateBytes + (element + stateBytes);
      // One memcpy of `bytes` reads them and writes them.
      expect(2 * copyFloor(Ctor, small).bytes, dtype).toBe(perParameter * small.tensors * small.size);
    }
  });

  it('two gradient draws per tensor whose signs differ at about half the elements', () => {
    for (const [g0, g1] of draws(Float32Array, small) as Float32Array[][]) {
      const flips = g0!.filter((v, i) => Math.sign(v) !== Math.sign(g1![i]!)).length;
      expect(flips).toBeGreaterThan(400);
      expect(flips).toBeLessThan(600);
    }
  });

  it('the plain path hands each step the other draw', () => {
    const grads = draws(Float32Array, small) as Float32Array[][];
    const path = plainPath(Float32Array, small, grads) as { prepare: () => void; params: Array<{ grad: Float32Array }> };
    for (const which of [0, 1, 0]) {
      path.prepare();
      path.params.forEach((p, t) => expect(p.grad).toBe(grads[t]![which]));
    }
  });

  it("the zero-copy path writes each step's draw into the gradient buffers of parameters of its dtype", () => {
    for (const { Ctor } of dtypes) {
      const grads = draws(Ctor, small) as Array<Array<Float32Array | Float64Array>>;
      const path = zeroCopyPath(Ctor, small, grads) as { prepare: () => void; params: Array<{ data: unknown; gradBuffer: Float32Array | Float64Array }> };
      for (const which of [0, 1]) {
        path.prepare();
        path.params.forEach((p, t) => {
          expect(p.data).toBeInstanceOf(Ctor);
          expect(p.gradBuffer).toEqual(grads[t]![which]);
        });
      }
    }
  });
});

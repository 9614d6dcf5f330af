import { afterEach, describe, expect, it, vi } from 'vitest';
import * as withKernels from '../../src/index.js';
import type { FloatArray, Parameter } from '../../src/index.js';

type Library = typeof withKernels;

// Instantiate this copy's kernels now, before validate is stubbed for the fresh copies below.
withKernels.kernelsActive();

/** A fresh copy of the library in an engine whose WebAssembly has no SIMD (validate says no). */
async function withoutSimd(): Promise<Library> {
  vi.resetModules();
  vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
  return (await import('../../src/index.js')) as Library;
}

/** Steps `make`'s optimizer over two parameters (one long, one short) and returns everything it holds. */
function run(lib: Library, dtype: 'float32' | 'float64', make: (ps: Parameter[]) => withKernels.Optimizer<object>): unknown {
  const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
  const wave = (n: number, k: number): FloatArray => {
    const a = new Ctor(n);
    for (let i = 0; i < n; i++) a[i] = Math.sin(i * k + 1) * 10 ** ((i % 9) - 4);
    return a;
  };
  const params: Parameter[] = [
    { data: wave(300, 0.3), grad: null },
    { data: wave(5, 0.7), grad: null },
    lib.Rprop.allocate(70, dtype),
  ];
  params[2]!.data.set(wave(70, 1.1));
  const opt = make(params);
  for (let t = 0; t < 12; t++) {
    params.forEach((p, k) => {
      const g = wave(p.data.length, 0.37 * t + k);
      if (p instanceof lib.ResidentParameter) p.gradBuffer.set(g);
      else p.grad = g;
    });
    opt.step(() => 12 - t + (t % 3)); // a loss that sometimes rises, for iRprop+
  }
  return { params: params.map((p) => Array.from(p.data)), state: opt.stateDict() };
}

describe('without WebAssembly SIMD, or without synchronous compilation', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('the kernels are off, and Rprop.allocate gives an ordinary parameter', async () => {
    const lib = await withoutSimd();
    expect(lib.kernelsActive()).toBe(false);
    const p = lib.Rprop.allocate(10);
    expect(p.data).toBeInstanceOf(Float32Array);
    expect(p.data.buffer).toBeInstanceOf(ArrayBuffer);
    expect(p.grad).toBe(p.gradBuffer);
  });

  it('every optimizer gives the same numbers as with the kernels, bit for bit', async () => {
    const lib = await withoutSimd();
    expect(withKernels.kernelsActive()).toBe(true);
    for (const dtype of ['float32', 'float64'] as const) {
      for (const variant of withKernels.VARIANTS) {
        const plain = run(lib, dtype, (ps) => new lib.Rprop(ps, { variant, maximize: variant === 'rprop-' }));
        const fast = run(withKernels, dtype, (ps) => new withKernels.Rprop(ps, { variant, maximize: variant === 'rprop-' }));
        expect(fast, `${variant} ${dtype}`).toStrictEqual(plain);
      }
      for (const name of ['SignSGD', 'Signum', 'Lion'] as const) {
        const plain = run(lib, dtype, (ps) => new lib[name](ps, { lr: 0.01 }));
        const fast = run(withKernels, dtype, (ps) => new withKernels[name](ps, { lr: 0.01 }));
        expect(fast, `${name} ${dtype}`).toStrictEqual(plain);
      }
    }
  });

  it('a bad gradient is still refused before anything changes', async () => {
    const lib = await withoutSimd();
    const a = { data: new Float32Array(100).fill(1), grad: new Float32Array(100).fill(1) };
    const b = { data: new Float32Array(100).fill(2), grad: new Float32Array(100).fill(1) };
    const opt = new lib.Rprop([a, b]);
    b.grad[99] = NaN;
    expect(() => opt.step()).toThrow('the gradient of parameter 1 is NaN at index 99; nothing was changed');
    expect(a.data.every((x) => x === 1)).toBe(true);
    expect(opt.stateDict().state).toStrictEqual({});
  });

  it('where the engine refuses to compile synchronously, prepareKernels() compiles asynchronously', async () => {
    vi.resetModules();
    vi.spyOn(WebAssembly, 'Module').mockImplementation(() => {
      throw new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB');
    });
    const lib = (await import('../../src/index.js')) as Library;
    expect(lib.simdSupported()).toBe(true);
    expect(lib.kernelsActive()).toBe(false); // the first use fell back to the plain rules
    expect(await lib.prepareKernels()).toBe(true);
    expect(lib.kernelsActive()).toBe(true);
    const plain = run(lib, 'float32', (ps) => new lib.Rprop(ps));
    expect(plain).toStrictEqual(run(withKernels, 'float32', (ps) => new withKernels.Rprop(ps)));
  });
});

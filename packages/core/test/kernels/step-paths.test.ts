import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Lion, Rprop, SignSGD, Signum, useKernels, VARIANTS, type FloatArray, type Optimizer, type Parameter } from '../../src/index.js';
import { SLOT_BYTES } from '../../src/kernels/kernel-heap.js';
import { dtype, type Dtype } from '../properties/arbitraries.js';
import { values } from './seeded-values.js';

/**
 * How a step's arrays reach the kernels: ordinary arrays with their gradients staged (the default),
 * ordinary arrays copied in chunks (staging off), parameters allocated in the kernels' memory, or a
 * mix of all three in one optimizer; and the reference rules, which every path must equal.
 */
type Path = 'staged' | 'chunked' | 'zero-copy' | 'mixed' | 'reference';
const PATHS: Path[] = ['staged', 'chunked', 'zero-copy', 'mixed'];

function usePath(path: Path): void {
  useKernels(path !== 'reference', { minLength: 0, stagingBytes: path === 'chunked' ? 0 : 256 * 2 ** 20 });
}

afterEach(() => useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 }));

function makeParams(path: Path, d: Dtype, lengths: number[], init: (n: number, k: number) => number[]): Parameter[] {
  return lengths.map((n, k) => {
    const resident = path === 'zero-copy' || (path === 'mixed' && k % 3 === 1);
    if (!resident) return { data: (d === 'float32' ? Float32Array : Float64Array).from(init(n, k)), grad: null };
    const p = Rprop.allocate(n, d);
    p.data.set(init(n, k));
    return p;
  });
}

/**
 * Gives `p` the gradient `values`: an ordinary array, or for a resident parameter its own gradient
 * buffer — unless `ordinary`, which hands a resident parameter an ordinary array (then staged).
 */
function setGrad(p: Parameter, values: number[] | null, d: Dtype, ordinary = false): void {
  if (values === null) p.grad = null;
  else if ('gradBuffer' in p && !ordinary) {
    (p as { gradBuffer: FloatArray }).gradBuffer.set(values);
    p.grad = (p as { gradBuffer: FloatArray }).gradBuffer;
  } else p.grad = (d === 'float32' ? Float32Array : Float64Array).from(values);
}

const OPTIMIZERS: Record<string, (ps: Parameter[]) => Optimizer<object>> = {
  ...Object.fromEntries(VARIANTS.map((v) => [v, (ps: Parameter[]) => new Rprop(ps, { variant: v })])),
  SignSGD: (ps) => new SignSGD(ps, { lr: 0.01 }),
  Signum: (ps) => new Signum(ps, { lr: 0.01 }),
  Lion: (ps) => new Lion(ps, { lr: 0.01, weightDecay: 0.1 }),
};

describe.each(PATHS)('a step on the %s path', (path) => {
  it('equals the reference rules bit for bit, over several steps, with skipped gradients', () => {
    const input = fc.record({
      d: dtype,
      optimizer: fc.constantFrom(...Object.keys(OPTIMIZERS)),
      // Lengths around the vector width, and one past a scratch slot of float32 (two chunks).
      lengths: fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constant(SLOT_BYTES / 4 + 16) }), { minLength: 1, maxLength: 4 }),
      seed: fc.integer(),
      steps: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(input, ({ d, optimizer, lengths, seed, steps }) => {
        const draw = (n: number, k: number) => values(n, seed + k);
        const results = (['reference', path] as Path[]).map((p) => {
          usePath(p);
          const params = makeParams(p, d, lengths, draw);
          const opt = OPTIMIZERS[optimizer]!(params);
          for (let t = 0; t < steps; t++) {
            // On the mixed path every other step hands resident parameters ordinary gradients.
            params.forEach((q, k) => setGrad(q, (t + k) % 4 === 3 ? null : draw(q.data.length, 100 * t + k + 7), d, p === 'mixed' && t % 2 === 1));
            opt.step(() => (t * 7919) % 5);
          }
          return { params: params.map((q) => Array.from(q.data)), state: opt.stateDict() };
        });
        expect(results[1]).toStrictEqual(results[0]);
      }),
      { numRuns: 30 },
    );
  });

  it('is refused whole when any gradient is bad: no parameter, no state changes', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      usePath(path);
      const lengths = [5000, 17, 20_000, 64];
      const params = makeParams(path, 'float32', lengths, (n, k) => Array.from({ length: n }, (_, i) => Math.cos(i + k)));
      const opt = new Rprop(params, { variant: 'irprop+' });
      params.forEach((p, k) => setGrad(p, Array.from({ length: p.data.length }, (_, i) => Math.sin(i * k + 1)), 'float32'));
      opt.step(() => 1);
      const before = JSON.stringify([opt.stateDict(), params.map((p) => Array.from(p.data))]);
      // The last parameter's gradient is bad, past the first 64 KiB piece of a staged copy too.
      params.forEach((p, k) => setGrad(p, Array.from({ length: p.data.length }, (_, i) => Math.sin(i * k + 2)), 'float32'));
      const last = params[2]!;
      const g = last.grad!;
      g[19_999] = bad;
      if ('gradBuffer' in last) last.grad = (last as { gradBuffer: FloatArray }).gradBuffer;
      expect(() => opt.step(() => 2)).toThrow(`the gradient of parameter 2 is ${bad} at index 19999; nothing was changed`);
      expect(JSON.stringify([opt.stateDict(), params.map((p) => Array.from(p.data))])).toBe(before);
    }
  });
});

describe('staged gradients shared by several optimizers', () => {
  it('two optimizers stepping in turn (same indices, other shapes and types) each equal the reference', () => {
    const run = (path: Path) => {
      usePath(path);
      const a = makeParams(path, 'float32', [300, 70], (n, k) => values(n, 11 + k));
      const b = makeParams(path, 'float64', [70, 300, 5], (n, k) => values(n, 21 + k));
      const optA = new Rprop(a);
      const optB = new Rprop(b, { variant: 'rprop+' });
      for (let t = 0; t < 6; t++) {
        a.forEach((p, k) => setGrad(p, t % 3 === 2 && k === 0 ? null : values(p.data.length, 100 * t + k), 'float32'));
        optA.step();
        b.forEach((p, k) => setGrad(p, values(p.data.length, 200 * t + k), 'float64'));
        optB.step(() => t % 2);
      }
      return [a, b].map((ps) => ps.map((p) => Array.from(p.data))).concat([[optA.stateDict(), optB.stateDict()] as never]);
    };
    const reference = run('reference');
    expect(run('staged')).toStrictEqual(reference);
  });
});

/** Per optimizer, two groups' options (each differing from the defaults) and how to make it. */
const GROUPED: Record<string, { options: [object, object]; make: (groups: never) => Optimizer<object> }> = {
  Rprop: {
    options: [{ etas: [0.3, 1.7], stepSizes: [1e-3, 0.5] }, { variant: 'irprop+', lr: 0.1, maximize: true }],
    make: (groups) => new Rprop(groups),
  },
  SignSGD: { options: [{ lr: 0.03 }, { lr: 0.1, maximize: true }], make: (groups) => new SignSGD(groups) },
  Signum: { options: [{ lr: 0.03, beta: 0.7 }, { lr: 0.1, beta: 0.95, maximize: true }], make: (groups) => new Signum(groups) },
  Lion: { options: [{ lr: 0.03, betas: [0.8, 0.9] }, { lr: 0.1, weightDecay: 0.3, maximize: true }], make: (groups) => new Lion(groups) },
};

describe.each(Object.keys(GROUPED))('%s: groups with their own options, mixing float32 and float64 parameters', (name) => {
  it('each parameter steps with its group\'s options in its own precision, as the reference does', () => {
    const { options, make } = GROUPED[name]!;
    const run = (path: Path) => {
      usePath(path);
      const f32 = makeParams(path, 'float32', [300, 9, 70], (n, k) => values(n, 41 + k));
      const f64 = makeParams(path, 'float64', [70, 300], (n, k) => values(n, 51 + k));
      const all = [...f32, ...f64];
      const opt = make([
        { params: [f32[0]!, f64[0]!, f32[1]!], ...options[0] },
        { params: [f64[1]!, f32[2]!], ...options[1] },
      ] as never);
      for (let t = 0; t < 6; t++) {
        all.forEach((p, k) => setGrad(p, values(p.data.length, 400 * t + k), p.data instanceof Float32Array ? 'float32' : 'float64'));
        opt.step(() => (t * 13) % 5);
      }
      return { params: all.map((p) => Array.from(p.data)), state: opt.stateDict() };
    };
    const reference = run('reference');
    for (const path of PATHS) expect(run(path), path).toStrictEqual(reference);
  });
});

describe.each(PATHS)('what a step caches per parameter follows its state (%s path)', (path) => {
  /** Runs `script` on the reference rules and on `path`; both must leave the same parameters and state. */
  function sameAsReference<T extends Optimizer<object>>(script: (params: Parameter[], opt: T) => void, make: (ps: Parameter[]) => T): void {
    const run = (p: Path) => {
      usePath(p);
      const params = makeParams(p, 'float32', [300, 7, 70], (n, k) => values(n, 31 + k));
      const opt = make(params);
      script(params, opt);
      return { params: params.map((q) => Array.from(q.data)), state: opt.stateDict() };
    };
    expect(run(path)).toStrictEqual(run('reference'));
  }

  const stepWith = (params: Parameter[], opt: Optimizer<object>, t: number) => {
    params.forEach((p, k) => setGrad(p, values(p.data.length, 300 * t + k), 'float32'));
    opt.step(() => (t * 31) % 7);
  };

  it('a group switched to a + variant mid-run gets its dw and backtracks from then on', () => {
    sameAsReference<Rprop>((params, opt) => {
      for (let t = 0; t < 3; t++) stepWith(params, opt, t);
      opt.paramGroups[0]!.variant = 'rprop+';
      for (let t = 3; t < 7; t++) stepWith(params, opt, t);
    }, (ps) => new Rprop(ps));
  });

  it.each(['irprop-', 'Signum', 'Lion'])('loadStateDict into an optimizer that has stepped: the next steps use the loaded state (%s)', (name) => {
    sameAsReference((params, opt) => {
      for (let t = 0; t < 2; t++) stepWith(params, opt, t);
      const saved = JSON.parse(JSON.stringify(opt.stateDict()));
      for (let t = 2; t < 5; t++) stepWith(params, opt, t);
      opt.loadStateDict(saved);
      for (let t = 5; t < 8; t++) stepWith(params, opt, t);
    }, OPTIMIZERS[name]!);
  });
});

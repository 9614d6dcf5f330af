import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter, type RpropOptions } from '../../src/index.js';
import { isPlusVariant } from '../../src/rules.js';
import { arrayOf, dtype, gradientRun, rpropOptions, type Dtype } from './arbitraries.js';

const N = 7;
const STEPS = 12;

function make(d: Dtype, init: number[], options: RpropOptions): { p: Parameter; opt: Rprop } {
  const p: Parameter = { data: arrayOf(d, init), grad: null };
  return { p, opt: new Rprop([p], options) };
}

function stepWith(opt: Rprop, p: Parameter, d: Dtype, grad: number[], loss: number): void {
  p.grad = arrayOf(d, grad);
  opt.step(() => loss);
}

const init = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: N, maxLength: N });

// Each property holds on the plain rules and on the SIMD kernels (forced on for these short arrays).
describe.each([
  ['reference rules', false],
  ['SIMD kernels', true],
] as const)('Rprop properties (%s)', (_path, kernels) => {
  beforeAll(() => useKernels(kernels, { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));

  it('multiplying the objective by any c > 0 leaves every iterate unchanged', () => {
    fc.assert(
      fc.property(dtype, rpropOptions, init, gradientRun(N, STEPS), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (d, o, w0, run, c) => {
        const a = make(d, w0, o);
        const b = make(d, w0, o);
        run.grads.forEach((g, t) => {
          stepWith(a.opt, a.p, d, g, run.losses[t]!);
          // Scaled in float64 first, so in float32 it is c·g rounded once, as a scaled float32 objective gives.
          stepWith(b.opt, b.p, d, g.map((x) => x * c), run.losses[t]! * c);
          expect(Array.from(b.p.data)).toEqual(Array.from(a.p.data));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every step size in [Δmin, Δmax] after every step', () => {
    fc.assert(
      fc.property(dtype, rpropOptions, init, gradientRun(N, STEPS), (d, o, w0, run) => {
        const { p, opt } = make(d, w0, o);
        const round = d === 'float32' ? Math.fround : (x: number) => x;
        run.grads.forEach((g, t) => {
          stepWith(opt, p, d, g, run.losses[t]!);
          for (const s of opt.stateDict().state['0']!.stepSize as number[]) {
            expect(s).toBeGreaterThanOrEqual(round(o.stepSizes[0]));
            expect(s).toBeLessThanOrEqual(round(o.stepSizes[1]));
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never moves a weight along its derivative, except a + variant taking back its last step', () => {
    fc.assert(
      fc.property(dtype, rpropOptions, init, gradientRun(N, STEPS), (d, o, w0, run) => {
        const { p, opt } = make(d, w0, o);
        run.grads.forEach((g, t) => {
          const before = Array.from(p.data);
          const prev = opt.stateDict().state['0']?.prev as number[] | undefined;
          stepWith(opt, p, d, g, run.losses[t]!);
          for (let i = 0; i < N; i++) {
            const gi = o.maximize ? -g[i]! : g[i]!;
            const flipped = prev !== undefined && Math.sign(gi) * Math.sign(prev[i]!) < 0;
            if (isPlusVariant(o.variant) && flipped) continue;
            const moved = p.data[i]! - before[i]!;
            expect(moved * Math.sign(gi)).toBeLessThanOrEqual(0);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a refused step leaves the optimizer equal to one that never saw it', () => {
    const badGradient = fc.oneof(
      fc.record({ kind: fc.constant('value' as const), value: fc.constantFrom(NaN, Infinity, -Infinity), index: fc.nat(N - 1) }),
      fc.record({ kind: fc.constant('length' as const), value: fc.constant(0), index: fc.constantFrom(0, N - 1, N + 1) }),
    );
    fc.assert(
      fc.property(dtype, rpropOptions, init, gradientRun(N, STEPS), fc.nat(STEPS - 1), badGradient, (d, o, w0, run, at, bad) => {
        const second: Parameter[] = [{ data: arrayOf(d, w0), grad: null }];
        const clean = { p: { data: arrayOf(d, w0), grad: null } as Parameter, q: { data: arrayOf(d, w0), grad: null } as Parameter };
        const seen = { p: { data: arrayOf(d, w0), grad: null } as Parameter, q: second[0]! };
        const optClean = new Rprop([clean.p, clean.q], o);
        const optSeen = new Rprop([seen.p, seen.q], o);
        run.grads.forEach((g, t) => {
          if (t === at) {
            const wrong = bad.kind === 'value' ? g.map((x, i) => (i === bad.index ? bad.value : x)) : g.slice(0, bad.index).concat(bad.index > N ? [1] : []);
            seen.p.grad = arrayOf(d, g);
            seen.q.grad = arrayOf(d, wrong);
            // The loss the refused step reported must not enter the + variants' memory either.
            expect(() => optSeen.step(() => 1e9)).toThrow(/parameter 1.*nothing was changed/);
          }
          for (const [opt, x] of [[optClean, clean], [optSeen, seen]] as const) {
            x.p.grad = arrayOf(d, g);
            x.q.grad = arrayOf(d, g.map((v) => -v));
            opt.step(() => run.losses[t]!);
          }
          expect(Array.from(seen.p.data)).toEqual(Array.from(clean.p.data));
          expect(Array.from(seen.q.data)).toEqual(Array.from(clean.q.data));
          expect(optSeen.stateDict()).toEqual(optClean.stateDict());
        });
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { type LionOptions, type RpropOptions, type SignumOptions, type Variant } from 'rprop';

/**
 * A finite float32: signed zeros, subnormals, tiny and huge values (as the core's
 * test/kernels/edge-values.ts draws them) among ordinary numbers over 24 decades.
 */
export const f32Value: fc.Arbitrary<number> = fc
  .oneof(
    { weight: 6, arbitrary: fc.tuple(fc.boolean(), fc.double({ min: -12, max: 12, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * 10 ** e) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(0, -0, 1e-45, -1e-45, 1e-40, -1e-40, 1.1754942e-38, 1e-30, -1e-30, 1e30, -1e30, 3.4028235e38, -3.4028235e38, 1, -1),
    },
  )
  .map(Math.fround);

/** A float32 ≥ 0 (−0 included): an lr, Δmin/Δmax or λ. */
export const f32NonNegative: fc.Arbitrary<number> = f32Value.map((v) => (v < 0 ? -v : v));

/** +0 or −0, drawn more often than `f32NonNegative` draws them: the sign of a zero lr or Δ bound matters. */
const zero = fc.constantFrom(0, -0);

/** An lr: often a zero of either sign. */
const lr = fc.oneof({ weight: 4, arbitrary: f32NonNegative }, { weight: 1, arbitrary: zero });

/** A float32 β in [0, 1). */
export const f32Beta: fc.Arbitrary<number> = fc
  .oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 0.9, 0.99, 1e-40, Math.fround(1 - 2 ** -24)))
  .map(Math.fround)
  .filter((b) => b < 1);

/** Variables of 1 to 40 values each (sizes not a multiple of 4 included), each with `steps` gradients. */
export function variablesAndGradients(steps: number) {
  return fc.array(
    fc.integer({ min: 1, max: 40 }).chain((n) => {
      const values = fc.array(f32Value, { minLength: n, maxLength: n });
      return fc.record({ init: values, grads: fc.array(values, { minLength: steps, maxLength: steps }) });
    }),
    { minLength: 1, maxLength: 3 },
  );
}

/** 2 to 6 steps: every variable's gradients per step, and a finite float32 loss per step (ties included). */
export const stepRun = fc.integer({ min: 2, max: 6 }).chain((steps) =>
  fc.record({
    variables: variablesAndGradients(steps),
    losses: fc.array(fc.oneof(f32Value, fc.constantFrom(0, 1, 2)), { minLength: steps, maxLength: steps }),
  }),
);

export function rpropOptions(variant: Variant, maximize: boolean): fc.Arbitrary<RpropOptions> {
  return fc
    .record({
      lr,
      etaMinus: fc.oneof(fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), fc.constantFrom(0.5, 1e-40, 1 - 2 ** -24)),
      etaPlus: fc.oneof(fc.double({ min: 1, max: 2, minExcluded: true, noNaN: true }), fc.constantFrom(1.2, 2, 1 + 2 ** -23)),
      // Sorted below; often zeros of either sign (Δmin = Δmax = ±0 included) and Δmin = Δmax.
      bounds: fc.oneof(
        { weight: 4, arbitrary: fc.tuple(f32NonNegative, f32NonNegative) },
        { weight: 1, arbitrary: fc.tuple(zero, f32NonNegative) },
        { weight: 1, arbitrary: fc.tuple(zero, zero) },
        { weight: 1, arbitrary: f32NonNegative.map((v) => [v, v] as [number, number]) },
      ),
    })
    .map((o) => {
      const [a, b] = o.bounds;
      return {
        lr: o.lr,
        etas: [Math.fround(o.etaMinus), Math.fround(o.etaPlus)] as const,
        stepSizes: (a <= b ? [a, b] : [b, a]) as readonly [number, number],
        variant,
        maximize,
      };
    })
    .filter((o) => o.etas[0] > 0 && o.etas[0] < 1 && o.etas[1] > 1);
}

export const signumOptions: fc.Arbitrary<SignumOptions> = fc.record({ lr, beta: f32Beta, maximize: fc.boolean() });

export function lionOptions(weightDecay: boolean): fc.Arbitrary<LionOptions> {
  return fc.record({
    lr,
    betas: fc.tuple(f32Beta, f32Beta),
    weightDecay: weightDecay ? f32NonNegative.filter((v) => v > 0) : fc.constantFrom(0, -0),
    maximize: fc.boolean(),
  });
}

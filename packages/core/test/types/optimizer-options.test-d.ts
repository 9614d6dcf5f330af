// A type-level test: compiled by `npm run typecheck` (tsconfig.test.json), never run — vitest runs
// *.test.ts only. Each `@ts-expect-error` marks a slip that must not compile: the day a type lets it
// through, the directive is unused (TS2578) and the typecheck fails. Runtime checks stay for JavaScript.
import { expectTypeOf } from 'vitest';
import { Adam, Lion, Rprop, SGD, Signum, SignSGD, VARIANTS, type Parameter, type RpropOptions, type Variant } from '../../src/index.js';

// The optimizers' options as a caller writes them.
const p: Parameter = { data: new Float32Array(2), grad: new Float32Array(2) };

// The four variants, and only they, are a `variant`; VARIANTS lists exactly them.
expectTypeOf<RpropOptions['variant']>().toEqualTypeOf<'rprop-' | 'irprop-' | 'rprop+' | 'irprop+'>();
expectTypeOf(VARIANTS).toEqualTypeOf<readonly Variant[]>();
new Rprop([p], { variant: 'irprop+' });
// @ts-expect-error: not a variant (the + or − is part of the name)
new Rprop([p], { variant: 'rprop' });
// @ts-expect-error: a string the caller built may be anything: narrow it first (VARIANTS.includes)
new Rprop([p], { variant: 'irprop-' as string });

// etas, stepSizes and Lion's and Adam's betas are pairs: a tuple of exactly two.
new Rprop([p], { etas: [0.5, 1.2], stepSizes: [1e-6, 50] });
new Rprop([p], { etas: Object.freeze([0.5, 1.2] as const) });
// @ts-expect-error: one factor is not [η−, η+]
new Rprop([p], { etas: [0.5] });
// @ts-expect-error: three factors are not [η−, η+]
new Rprop([p], { etas: [0.5, 1.2, 2] });
const inferred = [1e-6, 50]; // number[]: its length is unknown
// @ts-expect-error: a number[] may have any length
new Rprop([p], { stepSizes: inferred });
// @ts-expect-error: one beta is not [β1, β2]
new Lion([p], { betas: [0.9] });
// @ts-expect-error: Adam's betas are a pair too
new Adam([p], { betas: [0.9, 0.999, 0.9] });

// An option's value has its type; a key no optimizer has is refused in the options object.
// @ts-expect-error: lr is a number, not a string
new Rprop([p], { lr: '0.01' });
// @ts-expect-error: PyTorch's spelling is not this one's
new Rprop([p], { step_sizes: [1e-6, 50] });
// @ts-expect-error: Adam here has no weight decay
new Adam([p], { weightDecay: 0.01 });
// @ts-expect-error: momentum is SGD's, not signSGD's
new SignSGD([p], { momentum: 0.9 });
new SGD([p], { momentum: 0.9 });
new Signum([p], { beta: 0.9, maximize: true });

// A parameter group overrides options beside keys of the caller's own; its options keep their types.
new Rprop([{ params: [p], lr: 0.1, name: 'encoder' }, { params: [], variant: 'rprop-' }]);
// @ts-expect-error: an option's value keeps its type inside a group
new Rprop([{ params: [p], variant: 'irprop' }]);
// @ts-expect-error: a group needs its params
new Rprop([{ lr: 0.1 }]);
// @ts-expect-error: a list of parameters or a list of groups, not both (as PyTorch)
new Rprop([p, { params: [] }]);

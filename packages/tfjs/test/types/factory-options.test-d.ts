// A type-level test: compiled by `npm run typecheck` (tsconfig.test.json), never run — vitest runs
// *.test.ts only. Each `@ts-expect-error` marks a slip that must not compile: the day a type lets it
// through, the directive is unused (TS2578) and the typecheck fails. Runtime checks stay for JavaScript.
import * as tf from '@tensorflow/tfjs-core';
import type { LionOptions, RpropOptions, SignumOptions } from 'rprop';
import { expectTypeOf } from 'vitest';
import { lion, LionOptimizer, rprop, RpropOptimizer, signum, SignumOptimizer, type RpropConfig } from '../../src/index.js';

// The factories' and constructors' options.

// The factories take the core's options, each optional, and give the optimizer class, a tf.Optimizer.
expectTypeOf(rprop).parameter(0).toEqualTypeOf<Partial<RpropOptions> | undefined>();
expectTypeOf(signum).parameter(0).toEqualTypeOf<Partial<SignumOptions> | undefined>();
expectTypeOf(lion).parameter(0).toEqualTypeOf<Partial<LionOptions> | undefined>();
expectTypeOf(rprop()).toEqualTypeOf<RpropOptimizer>();
expectTypeOf(signum()).toEqualTypeOf<SignumOptimizer>();
expectTypeOf(lion()).toEqualTypeOf<LionOptimizer>();
expectTypeOf(rprop()).toExtend<tf.Optimizer>();
expectTypeOf(new RpropOptimizer().options).toEqualTypeOf<Readonly<RpropOptions>>();
rprop({ lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50], variant: 'irprop+', maximize: false });
new RpropOptimizer({ variant: 'rprop-' });

// @ts-expect-error: not a variant
rprop({ variant: 'irprop' });
// @ts-expect-error: a string the caller built may be anything
rprop({ variant: 'irprop-' as string });
// @ts-expect-error: etas are a pair [η−, η+]
rprop({ etas: [0.5] });
// @ts-expect-error: stepSizes are a pair [Δmin, Δmax]
new RpropOptimizer({ stepSizes: [1e-6, 50, 100] });
// @ts-expect-error: TF.js's own name for the rate is not this option's
rprop({ learningRate: 0.01 });
// @ts-expect-error: lr is a number
rprop({ lr: '0.01' });
// @ts-expect-error: Signum has one beta, not Lion's pair
signum({ betas: [0.9, 0.99] });
// @ts-expect-error: Lion's betas are a pair
lion({ betas: [0.9] });
// @ts-expect-error: Lion's decay is weightDecay
lion({ decay: 0.1 });

// getConfig describes the options as TF.js saves them: plain (mutable) pairs and a variant.
const config = rprop().getConfig();
expectTypeOf(config).toEqualTypeOf<RpropConfig>();
expectTypeOf(config.variant).toEqualTypeOf<RpropOptions['variant']>();
expectTypeOf(config.etas).toEqualTypeOf<[number, number]>();
// A config with its options is what the constructor takes back.
new RpropOptimizer(config);

// setLoss takes the loss's value (the + variants outside minimize), not a tensor.
// @ts-expect-error: a tensor must be read first (loss.dataSync()[0])
rprop().setLoss(tf.scalar(1));

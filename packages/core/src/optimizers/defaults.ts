import type { Variant } from '../types.js';
import type { AdamOptions } from './adam.js';
import type { LionOptions } from './lion.js';
import type { RpropOptions } from './rprop.js';
import type { SGDOptions } from './sgd.js';
import type { SignSGDOptions } from './sign-sgd.js';
import type { SignumOptions } from './signum.js';

// Every optimizer's defaults in one module that imports nothing at run time, so that what needs all
// of them (loadStateDict's check of which optimizer saved a dict) can read them without importing the
// optimizer classes, which import that check.

/** `torch.optim.Rprop`'s defaults. */
export const RPROP_DEFAULTS: Readonly<RpropOptions> = Object.freeze({
  lr: 0.01,
  etas: Object.freeze([0.5, 1.2] as const),
  stepSizes: Object.freeze([1e-6, 50] as const),
  variant: 'irprop-' as Variant,
  maximize: false,
});

/** signSGD's defaults. */
export const SIGN_SGD_DEFAULTS: Readonly<SignSGDOptions> = Object.freeze({ lr: 0.001, maximize: false });

/** Signum's defaults. */
export const SIGNUM_DEFAULTS: Readonly<SignumOptions> = Object.freeze({ lr: 0.001, beta: 0.9, maximize: false });

/** Lion's defaults (Chen et al. 2023). */
export const LION_DEFAULTS: Readonly<LionOptions> = Object.freeze({
  lr: 1e-4,
  betas: Object.freeze([0.9, 0.99] as const),
  weightDecay: 0,
  maximize: false,
});

/** SGD's defaults. */
export const SGD_DEFAULTS: Readonly<SGDOptions> = Object.freeze({ lr: 0.01, momentum: 0, maximize: false });

/** `torch.optim.Adam`'s defaults. */
export const ADAM_DEFAULTS: Readonly<AdamOptions> = Object.freeze({
  lr: 0.001,
  betas: Object.freeze([0.9, 0.999] as const),
  eps: 1e-8,
  maximize: false,
});

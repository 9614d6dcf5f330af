import type { LionOptions, RpropOptions, SignumOptions } from 'rprop';

/**
 * TF.js variables are float32, so the optimizers use their options rounded to float32. These refuse
 * options that pass the core's checks as doubles but not once rounded, as the core's Rprop does for a
 * group of float32 parameters (its `validateFloat32`, which the core does not export; same rules and
 * wording): a value that overflows to Infinity, an η+ that rounds to 1 (Δ would never grow), an η− that
 * rounds to 0 or 1, and — for Signum and Lion, whose core checks have no float32 mode — a β that rounds
 * to 1. Called after the core's checks, so every value is a finite number in its double range.
 */

const why = 'once rounded to float32 (the type of TF.js variables)';
const f = Math.fround;

function finite(owner: string, name: string, value: number): void {
  if (!Number.isFinite(f(value))) throw new RangeError(`${owner}: ${name} overflows to Infinity ${why}, got ${value}`);
}

function belowOne(owner: string, name: string, value: number): void {
  if (!(f(value) < 1)) throw new RangeError(`${owner}: ${name} must satisfy 0 ≤ ${name} < 1 ${why}, got ${value}`);
}

/** The core's float32 checks of Rprop options, in its order. */
export function validateRpropFloat32(o: RpropOptions, owner: string): void {
  finite(owner, 'lr', o.lr);
  finite(owner, 'stepSizes[1] (Δmax)', o.stepSizes[1]);
  if (!(f(o.etas[1]) > 1)) throw new RangeError(`${owner}: etas[1] (η+) must be > 1 ${why}, got ${o.etas[1]}`);
  const etaMinus = f(o.etas[0]);
  if (!(etaMinus > 0 && etaMinus < 1)) throw new RangeError(`${owner}: etas[0] (η−) must satisfy 0 < η− < 1 ${why}, got ${o.etas[0]}`);
}

/** Signum's options once rounded: lr finite, β < 1. */
export function validateSignumFloat32(o: SignumOptions, owner: string): void {
  finite(owner, 'lr', o.lr);
  belowOne(owner, 'beta', o.beta);
}

/** Lion's options once rounded: lr and λ finite, β1 and β2 < 1. */
export function validateLionFloat32(o: LionOptions, owner: string): void {
  finite(owner, 'lr', o.lr);
  belowOne(owner, 'betas[0]', o.betas[0]);
  belowOne(owner, 'betas[1]', o.betas[1]);
  finite(owner, 'weightDecay', o.weightDecay);
}

import { describe } from '../errors.js';
import { named } from '../validate.js';
import type { LionOptions } from './lion.js';
import type { RpropOptions } from './rprop.js';
import type { SignumOptions } from './signum.js';

/**
 * Float32 parameters use their options rounded to float32 (as PyTorch does). These refuse options
 * that pass the double-precision checks (`validateRpropOptions` and its relatives, which run first)
 * but not once rounded: a value that overflows to Infinity, an η+ that rounds to 1 (Δ would never
 * grow), an η− that rounds to 0 or 1, a β that rounds to 1 (the momentum would never change).
 *
 * `where` is appended to option names (a group's position), `owner` starts the message, and `whose`
 * says whose type float32 is: "this group's parameters", "TF.js variables".
 */
export interface Float32Context {
  readonly owner: string;
  readonly whose: string;
  readonly where?: string;
}

/**
 * Runs `check` (`validateRpropFloat32` and its relatives) on a group's options when the group holds a
 * float32 parameter, since float32 parameters take the options rounded to float32. `o` is what
 * `validateOptions` gets: a resolved group's options, which carry its `params` (the constructor's
 * defaults, checked without any, carry none and are not checked here).
 */
export function validateFloat32Group<O extends object>(o: O, owner: string, where: string, check: (o: O, c: Float32Context) => void): void {
  const params = (o as { params?: ReadonlyArray<{ data: unknown }> }).params;
  if (params?.some((p) => p.data instanceof Float32Array)) check(o, { owner, whose: "this group's parameters", where });
}

function why(c: Float32Context): string {
  return `once rounded to float32 (the type of ${c.whose})`;
}

function finite(c: Float32Context, name: string, value: number, symbol?: string): void {
  if (!Number.isFinite(Math.fround(value))) {
    const n = symbol === undefined ? `${name}${c.where ?? ''}` : named(name, symbol, c.where);
    throw new RangeError(`${c.owner}: ${n} overflows to Infinity ${why(c)}, got ${describe(value)}`);
  }
}

function belowOne(c: Float32Context, name: string, value: number): void {
  const n = `${name}${c.where ?? ''}`;
  if (!(Math.fround(value) < 1)) throw new RangeError(`${c.owner}: ${n} must satisfy 0 ≤ ${name} < 1 ${why(c)}, got ${describe(value)}`);
}

/** Rprop's options once rounded to float32: lr and Δmax finite, η+ > 1, 0 < η− < 1. */
export function validateRpropFloat32(o: RpropOptions, c: Float32Context): void {
  const where = c.where ?? '';
  finite(c, 'lr', o.lr);
  finite(c, 'stepSizes[1]', o.stepSizes[1], 'Δmax');
  if (!(Math.fround(o.etas[1]) > 1)) throw new RangeError(`${c.owner}: ${named('etas[1]', 'η+', where)} must be > 1 ${why(c)}, got ${describe(o.etas[1])}`);
  const etaMinus = Math.fround(o.etas[0]);
  if (!(etaMinus > 0 && etaMinus < 1)) {
    throw new RangeError(`${c.owner}: ${named('etas[0]', 'η−', where)} must satisfy 0 < η− < 1 ${why(c)}, got ${describe(o.etas[0])}`);
  }
}

/** Signum's options once rounded to float32: lr finite, β < 1. */
export function validateSignumFloat32(o: SignumOptions, c: Float32Context): void {
  finite(c, 'lr', o.lr);
  belowOne(c, 'beta', o.beta);
}

/** Lion's options once rounded to float32: lr and λ finite, β1 and β2 < 1. */
export function validateLionFloat32(o: LionOptions, c: Float32Context): void {
  finite(c, 'lr', o.lr);
  belowOne(c, 'betas[0]', o.betas[0]);
  belowOne(c, 'betas[1]', o.betas[1]);
  finite(c, 'weightDecay', o.weightDecay);
}

/** signSGD's and SGD's options once rounded to float32: lr finite. */
export function validateLrFloat32(o: { readonly lr: number }, c: Float32Context): void {
  finite(c, 'lr', o.lr);
}

/**
 * Adam's options once rounded to float32: lr and eps finite, eps > 0 (an eps that rounds to 0 makes
 * the first step of a weight whose gradient is 0 divide 0 by 0).
 */
export function validateAdamFloat32(o: { readonly lr: number; readonly eps: number }, c: Float32Context): void {
  finite(c, 'lr', o.lr);
  finite(c, 'eps', o.eps);
  if (!(Math.fround(o.eps) > 0)) throw new RangeError(`${c.owner}: eps${c.where ?? ''} must be > 0 ${why(c)}, got ${describe(o.eps)}`);
}

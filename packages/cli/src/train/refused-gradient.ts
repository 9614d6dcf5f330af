import { NonFiniteGradientError } from 'rprop';

/**
 * The non-finite value (`NaN`, `Infinity`, `-Infinity`) of a gradient that an optimizer refused to
 * step with, or null if `error` is anything else: for training it means the run diverged, not that
 * something is broken.
 */
export function refusedGradient(error: unknown): string | null {
  return error instanceof NonFiniteGradientError ? String(error.value) : null;
}

/**
 * The non-finite value (`NaN`, `Infinity`, `-Infinity`) of a gradient that an optimizer refused to
 * step with, or null if `error` is anything else. rprop-tfjs's optimizers (Rprop, Signum, Lion) refuse
 * such a gradient with a RangeError whose message is the only place that says so; for training it
 * means the run diverged, not that something is broken.
 */
export function refusedGradient(error: unknown): string | null {
  if (!(error instanceof RangeError)) return null;
  return /the gradient of .* is (NaN|-?Infinity) at index \d+/.exec(error.message)?.[1] ?? null;
}

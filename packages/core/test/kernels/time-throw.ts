/**
 * Runs `call`, which must throw, and returns the error and the ms it took: the lost-worker tests check
 * that a call on a pool whose worker died throws rather than blocks, and within its timeout.
 */
export function timeThrow(call: () => unknown): { error: Error; ms: number } {
  const t0 = performance.now();
  try {
    call();
  } catch (error) {
    return { error: error as Error, ms: performance.now() - t0 };
  }
  throw new Error('timeThrow: the call did not throw');
}

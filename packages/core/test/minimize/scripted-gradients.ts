import type { MinimizeOptions, MinimizeResult, minimize } from '../../src/index.js';

/**
 * Runs `m` (minimize, or `previousMinimize` to compare) from (0, 0) on an f that returns 1 and hands out
 * the gradients of `scripted`, one row per evaluation: the stopping tests see exactly the signs a test
 * wants them to, whatever the step does to x.
 */
export function runScripted(m: typeof minimize, scripted: readonly (readonly number[])[], options: MinimizeOptions): MinimizeResult {
  let evaluation = 0;
  return m(
    (_x, grad) => {
      grad.set(scripted[evaluation++]!);
      return 1;
    },
    [0, 0],
    options,
  );
}

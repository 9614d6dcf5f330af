/** Passes the steady time per epoch leaves out: TF.js compiles and warms up its kernels in them. */
export const WARM_UP = 5;

/**
 * The time per epoch of a training run, as `train` reports it and bench:fann compares it with FANN's:
 * over the whole run, and "steady", over the passes after the first WARM_UP.
 */
export class EpochTimer {
  private readonly start: number;
  private warm: number;

  /** `start`: when the run began (ms, performance.now()). */
  constructor(start: number) {
    this.start = start;
    this.warm = start;
  }

  /** At the start of each pass over the data, after `passes` of them: the warm-up ends before pass WARM_UP + 1. */
  passStarts(passes: number, now: () => number): void {
    if (passes === WARM_UP) this.warm = now();
  }

  /**
   * ms per epoch of a run that ended at `end` after `epochs` epochs and `passes` timed passes (one more
   * than the epochs when it stopped at the target: that pass measured the MSE and, full batch, stepped
   * as fann_train_epoch does); null when no epoch ran. The steady figure is the plain one for a run of
   * WARM_UP passes or fewer (there is nothing after the warm-up to time).
   */
  times(epochs: number, passes: number, end: number): { msPerEpoch: number | null; msPerEpochSteady: number | null } {
    const seconds = (end - this.start) / 1000;
    return {
      msPerEpoch: epochs === 0 ? null : (seconds * 1000) / passes,
      msPerEpochSteady: epochs === 0 ? null : passes > WARM_UP ? (end - this.warm) / (passes - WARM_UP) : (seconds * 1000) / passes,
    };
  }
}

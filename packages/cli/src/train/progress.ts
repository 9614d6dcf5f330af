import cliProgress from 'cli-progress';
import { onInterrupt } from '../interrupt.js';

/** Where training reports its epochs: a live bar on a terminal, a plain line now and then when piped. */
export interface Progress {
  /**
   * `measure` gives the MSE and bit-fail count at the weights after `epoch` epochs; it is called only
   * when they will be shown (it costs a forward pass). Both from one measurement: the MSE the loop
   * already has is the one before the epoch's steps, which beside the bit-fail after them (and under
   * "epoch N") showed the previous epoch's.
   */
  update(epoch: number, measure: () => { mse: number; bitFail: number }): void;
  stop(): void;
}

/** How often the terminal bar measures MSE and bit-fails: it redraws about ten times a second anyway. */
const BIT_FAIL_MS = 250;

/** The epochs' progress, on stderr: `total` epochs at most; nothing when `quiet`. */
export function progress(total: number, quiet: boolean): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'epoch {value}/{total} |{bar}| MSE {mse} bit-fail {bitFail} ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { mse: '—', bitFail: '—' });
    // Ctrl-C: the bar hides the cursor and turns line wrap off; give the terminal back before the
    // command exits as interrupted. (Training yields to the event loop for this.)
    const forget = onInterrupt(() => bar.stop());
    let nextCount = 0;
    return {
      update(epoch, measure) {
        if (Date.now() >= nextCount) {
          const { mse, bitFail } = measure();
          nextCount = Date.now() + BIT_FAIL_MS;
          bar.update(epoch, { mse: mse.toExponential(3), bitFail });
        } else bar.update(epoch);
      },
      stop: () => {
        forget();
        bar.stop();
      },
    };
  }
  let next = 0;
  const start = Date.now();
  return {
    update(epoch, measure) {
      const now = Date.now() - start;
      if (now < next) return;
      // A line every two seconds at most when piped: two seconds from this line, not from when the
      // last one was due (then a slow first epoch, or a pause with Ctrl-Z, was followed by a burst of
      // lines, one per epoch, until the count caught up).
      next = now + 2000;
      const { mse, bitFail } = measure();
      process.stderr.write(`epoch ${epoch}/${total}  MSE ${mse.toExponential(4)}  bit-fail ${bitFail}\n`);
    },
    stop() {},
  };
}

import cliProgress from 'cli-progress';

/** Where training reports its epochs: a live bar on a terminal, a plain line now and then when piped. */
export interface Progress {
  update(epoch: number, mse: number, bitFail: number | null): void;
  stop(): void;
}

export function progress(total: number, quiet: boolean): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'epoch {value}/{total} |{bar}| MSE {mse} bit-fail {bitFail} ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { mse: '—', bitFail: '—' });
    // Ctrl-C: the bar hides the cursor and turns line wrap off; give the terminal back, then exit as
    // an interrupted command does (128 + SIGINT). (Training yields to the event loop for this.)
    const interrupted = () => {
      bar.stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    return {
      update: (epoch, mse, bitFail) => bar.update(epoch, { mse: mse.toExponential(3), bitFail: bitFail ?? '—' }),
      stop: () => {
        process.off('SIGINT', interrupted);
        bar.stop();
      },
    };
  }
  let next = 0;
  const start = Date.now();
  return {
    update(epoch, mse, bitFail) {
      if (Date.now() - start < next) return;
      next += 2000; // a line every two seconds at most when piped
      process.stderr.write(`epoch ${epoch}/${total}  MSE ${mse.toExponential(4)}${bitFail === null ? '' : `  bit-fail ${bitFail}`}\n`);
    },
    stop() {},
  };
}

// Timing helpers for the kernel benchmark: each step is timed on its own, with its preparation
// (handing over or writing the next gradient) outside the timed region, and the median is kept, so
// a busy neighbour on a shared machine moves the result less than a mean would.

/**
 * Median seconds of `run()` after `prepare()`, over at least `min` timed runs (after untimed
 * warm-up runs), continuing while under `budget` seconds and `max` runs.
 */
export function medianSeconds(run, { prepare = () => {}, budget = 0.6, min = 7, max = 300, warmUp = 0.15 } = {}) {
  // Warm up for `warmUp` seconds (at least 2 runs): a 10 µs step needs thousands of runs before V8
  // has optimised the JavaScript around the kernels, and 300 timed runs would catch it half way.
  const warm = performance.now() + warmUp * 1000;
  for (let i = 0; i < 2 || performance.now() < warm; i++) {
    prepare();
    run();
  }
  const times = [];
  const end = performance.now() + budget * 1000;
  while (times.length < min || (performance.now() < end && times.length < max)) {
    prepare();
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] / 1000;
}

/** A typed array of `n` values uniform in (−1, 1) from a small LCG (seeded, so runs compare). */
export function randomArray(Ctor, n, seed) {
  const a = new Ctor(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = (s / 2 ** 32 - 0.5) * 2;
  }
  return a;
}

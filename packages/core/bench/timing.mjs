// Timing helpers for the kernel benchmark: each step is timed on its own, with its preparation
// (handing over or writing the next gradient) outside the timed region, and the median is kept, so
// a busy neighbour on a shared machine moves the result less than a mean would.

/**
 * Median seconds of `run()` after `prepare()`, over at least `min` timed runs (after untimed
 * warm-up runs), continuing while under `budget` seconds and `max` runs.
 */
export function medianSeconds(run, { prepare = () => {}, budget = 0.6, min = 7, max = 300, warmUp = 0.15 } = {}) {
  warm(prepare, run, warmUp);
  const times = [];
  const end = performance.now() + budget * 1000;
  while (times.length < min || (performance.now() < end && times.length < max)) {
    prepare();
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times) / 1000;
}

/**
 * Untimed runs for `seconds` (at least 2): a 10 µs step needs thousands of runs before V8 has
 * optimised the JavaScript around the kernels, and 300 timed runs would catch it half way.
 */
function warm(prepare, run, seconds) {
  const end = performance.now() + seconds * 1000;
  for (let i = 0; i < 2 || performance.now() < end; i++) {
    prepare();
    run();
  }
}

/** The middle of `values` in numeric order (the upper of the two middles when their count is even). */
export function median(values) {
  return [...values].sort((a, b) => a - b)[values.length >> 1];
}

/**
 * Times several cases in turns, so that the machine's drifting speed moves them alike: each round
 * runs a block of each case — one untimed run to bring its data back into cache, then timed runs
 * for `block` seconds (at least 3) — and keeps the block's median. So each case is timed warm, as
 * it would be alone, but every case in every round. After `warmUp` seconds of each, at least `min`
 * rounds, continuing while under `budget` seconds and `max` rounds. Returns roundFigures of the block
 * medians, and `blocks`: each case's block medians (ms), round by round.
 */
export function interleavedMedians(cases, { budget = 2, min = 5, max = 100, warmUp = 0.15, block = 0.04 } = {}) {
  const names = Object.keys(cases);
  for (const name of names) warm(cases[name].prepare, cases[name].run, warmUp);
  const blocks = Object.fromEntries(names.map((name) => [name, []]));
  const end = performance.now() + budget * 1000;
  for (let round = 0; round < min || (performance.now() < end && round < max); round++) {
    for (const name of names) {
      const { prepare, run } = cases[name];
      prepare();
      run(); // untimed: the other cases have just evicted this one's data
      const times = [];
      const stop = performance.now() + block * 1000;
      while (times.length < 3 || performance.now() < stop) {
        prepare();
        const t = performance.now();
        run();
        times.push(performance.now() - t);
      }
      blocks[name].push(median(times));
    }
  }
  return { ...roundFigures(blocks), blocks };
}

/**
 * From each case's block medians in ms, round by round (`{ case: [ms, …] }`): `seconds`, each case's
 * median block in seconds, and `ratio(a, b)`, the median over rounds of a's block over b's in the same
 * round — not a ratio of medians, which may divide blocks of different rounds, as the machine's speed
 * drifts between them.
 */
export function roundFigures(blocks) {
  return {
    seconds: Object.fromEntries(Object.keys(blocks).map((name) => [name, median(blocks[name]) / 1000])),
    ratio: (a, b) => median(blocks[a].map((t, i) => t / blocks[b][i])),
  };
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

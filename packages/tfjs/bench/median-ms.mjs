// The timing of the optimizer step benchmark (step.mjs): medians of warm runs.

/** The middle of `times` in numeric order (the upper of the two middles when their count is even). */
export function middle(times) {
  return [...times].sort((a, b) => a - b)[times.length >> 1];
}

/**
 * Two steps timed in turns, one run of each per round, after 0.3 s of untimed turns: the median ms of
 * each, and the median of the per-round ratios `a / b`. Timed one after the other, a drift of this
 * shared machine's speed between the two blocks would go into their ratio; in turns both see it.
 * The warm-up: the WebAssembly kernels start on V8's baseline compiler and are swapped for optimised
 * code after some hundred calls, and a handful of warm-up runs sometimes timed that switch (1 run in
 * 7 came out 5× slower; with this warm-up 8 runs of 8 agreed).
 */
export function pairedMedians(a, b, reps = 100) {
  const warm = performance.now() + 300;
  for (let i = 0; i < 3 || performance.now() < warm; i++) {
    a();
    b();
  }
  const [ta, tb, ratios] = [[], [], []];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    a();
    const t1 = performance.now();
    b();
    const t2 = performance.now();
    ta.push(t1 - t0);
    tb.push(t2 - t1);
    ratios.push((t1 - t0) / (t2 - t1));
  }
  return { aMs: middle(ta), bMs: middle(tb), ratio: middle(ratios) };
}

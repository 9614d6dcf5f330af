// The timing of the optimizer step benchmark (step.mjs): a median of warm runs.

/** The middle of `times` in numeric order (the upper of the two middles when their count is even). */
export function middle(times) {
  return [...times].sort((a, b) => a - b)[times.length >> 1];
}

/**
 * Median ms of `fn` over `reps` runs, after 0.3 s of untimed ones: the WebAssembly kernels
 * start on V8's baseline compiler and are swapped for optimised code after some hundred calls, and
 * a handful of warm-up runs sometimes timed that switch (1 run in 7 came out 5× slower; with this
 * warm-up 8 runs of 8 agreed).
 */
export function medianMs(fn, reps = 100) {
  const warm = performance.now() + 300;
  for (let i = 0; i < 3 || performance.now() < warm; i++) fn();
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return middle(times);
}

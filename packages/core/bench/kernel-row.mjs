// One row of the kernel benchmark (kernels.mjs) from its measurements: ns per parameter and the
// ratios the targets are read off. No timing here, so that a test can check each figure on
// made-up timings: an inverted ratio, or torch paired with the wrong timing, would misreport a target.

/** ns per parameter of a step on `shape` that took `seconds`: every element of every tensor counts. */
export function nsPerParameter(seconds, shape) {
  return (seconds / (shape.size * shape.tensors)) * 1e9;
}

/**
 * The torch process kept out of `pairs` ({ torchNs, fastNs }: a torch process, then at once the fast
 * path): the fastest torch (the comparison most favourable to torch), and `speedup`, its time over the
 * fast path timed right after that same process, so that both saw the machine in the same state.
 */
export function fastestTorch(pairs) {
  const best = pairs.reduce((a, b) => (b.torchNs < a.torchNs ? b : a));
  return { ...best, speedup: best.torchNs / best.fastNs, pairs };
}

/**
 * The table's row for `dtype` on `shape`. `referenceSeconds`: the reference loop's step; `m`:
 * interleavedMedians over the cases `fast`, `zeroCopy` and `floor`; `torch` and `reused`: fastestTorch
 * of torch as installed and of torch reusing memory, or null without torch; `threads`: the
 * two-thread child's { ns, overFloor, speedup } of the zero-copy step and `plain`, the same of the
 * step on plain arrays.
 *
 * The plain step on two threads is compared with the fast path here (no threads, ordinary memory)
 * through each one's ratio to the copy floor timed in turns with it in its own process:
 * `plainThreadsVsFast` = fastOverFloor ÷ plainThreadsOverFloor, and against torch the fast path's
 * paired ratio times that. Not through the child's own one-thread step (`plainThreadsSpeedup`): with
 * kernel threads the kernels' memory is shared, and V8 copies typed arrays into and out of shared
 * memory about half as fast while they fit in cache, so that step is slower than the fast path here.
 */
export function kernelRow({ dtype, shape, referenceSeconds, m, torch, reused, threads }) {
  const ns = (seconds) => nsPerParameter(seconds, shape);
  const referenceNs = ns(referenceSeconds);
  const fastNs = ns(m.seconds.fast);
  return {
    dtype,
    shape: shape.label,
    referenceNs,
    fastNs,
    zeroCopyNs: ns(m.seconds.zeroCopy),
    copyFloorNs: ns(m.seconds.floor),
    torchForeachNs: torch?.torchNs ?? null,
    fastSpeedupVsTorch: torch?.speedup ?? null,
    torchPairs: torch?.pairs ?? [],
    torchReusedNs: reused?.torchNs ?? null,
    fastSpeedupVsTorchReused: reused?.speedup ?? null,
    torchReusedPairs: reused?.pairs ?? [],
    fastOverFloor: m.ratio('fast', 'floor'),
    zeroCopyOverFloor: m.ratio('zeroCopy', 'floor'),
    zeroCopyThreadsNs: threads.ns,
    zeroCopyThreadsOverFloor: threads.overFloor,
    threadsSpeedup: threads.speedup,
    plainThreadsNs: threads.plain?.ns ?? null,
    plainThreadsOverFloor: threads.plain?.overFloor ?? null,
    plainThreadsSpeedup: threads.plain?.speedup ?? null,
    plainThreadsVsFast: threads.plain ? m.ratio('fast', 'floor') / threads.plain.overFloor : null,
    plainThreadsSpeedupVsTorch: torch && threads.plain ? (torch.speedup * m.ratio('fast', 'floor')) / threads.plain.overFloor : null,
    plainThreadsSpeedupVsTorchReused: reused && threads.plain ? (reused.speedup * m.ratio('fast', 'floor')) / threads.plain.overFloor : null,
    fastSpeedupVsReference: referenceNs / fastNs,
  };
}

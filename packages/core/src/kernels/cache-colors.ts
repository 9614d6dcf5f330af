/**
 * Where the arrays one kernel call streams through lie relative to each other, modulo 4 KiB: their
 * "colours". Arrays of one call are placed at colours far apart.
 *
 * Why: a kernel streams four or five arrays (w, g, gp, Δ, dw) in step. When their offsets are
 * equal modulo 4096, the lines it is reading at any moment all fall in one set of the L1 cache,
 * and on this machine (AMD EPYC, Zen: the L1's way predictor is keyed by a hash of the virtual
 * address) some distances between such arrays make the loop several times slower. Measured
 * 2026-11-27, the float32 iRprop− kernel over 2^20 weights with its four arrays 0x420000 apart:
 * 3.0–3.7 ns per weight, against 0.55–0.65 with 832 bytes more between them; at other distances
 * less, or nothing (docs/performance.md, "Cache colours", has the figures). The allocator's
 * arrays are 64-byte aligned and slabs and regions start on large boundaries, so equal colours were
 * the rule, not bad luck: every tensor of a power-of-two size had all its operands at one colour.
 */
export const COLOR_SPAN = 4096;

/** Colours are chosen on cache lines. */
const GRAIN = 64;

/** The colour of byte offset `at`. */
export function colorOf(at: number): number {
  return at & (COLOR_SPAN - 1);
}

/**
 * The colour of the cache line holding byte offset `at`. An array need not start on a line — a
 * parameter may be a view into an allocated one at any element — but colours handed to the
 * allocator must be on lines: one 4 bytes past a line placed state 4 bytes past one too, and left the
 * heap's top and free blocks off the 8-byte grid that a Float64Array needs.
 */
export function lineColorOf(at: number): number {
  return at & (COLOR_SPAN - GRAIN);
}

/**
 * Throws if `color` is neither −1 (no colour) nor a multiple of 64 below 4096: the allocator keeps
 * every array it hands out 64-byte aligned, and the bytes skipped to a colour are handed out later.
 */
export function checkColor(owner: string, color: number): void {
  if (color !== -1 && !(Number.isInteger(color) && color >= 0 && color < COLOR_SPAN && color % GRAIN === 0)) {
    throw new RangeError(`${owner}: a colour must be a multiple of 64 below 4096, got ${color}`);
  }
}

/** Distance between the colours of two offsets, going round the 4 KiB circle (0 to 2048). */
export function colorsApart(a: number, b: number): number {
  const d = (a - b) & (COLOR_SPAN - 1);
  return Math.min(d, COLOR_SPAN - d);
}

/** Bytes to skip from `at` to the next offset of colour `color` (0 to 4032). */
export function padTo(at: number, color: number): number {
  return (color - at) & (COLOR_SPAN - 1);
}

/** Reused by `freestColor` (it runs once per tensor per step). */
const sorted: number[] = [];

/**
 * The colour (on a 64-byte grain) farthest, going round the 4 KiB circle, from the lines holding
 * the offsets `taken[0…count)`: the middle of the widest gap between them, the first such gap going
 * round from `taken[0]`'s line where gaps are equally wide. −1 when `count` is 0 (any colour will
 * do, so the caller need not skip any bytes).
 *
 * Why from `taken[0]`: the answer then moves with its operands — offsets all one line further on
 * give a colour one line further on — so the state of a run of same-size tensors, whose operands
 * lie one after another, lies one after another too. Breaking ties by where the gaps lay on the
 * circle made the colour jump half a page whenever the operands crossed it, and the allocator skip
 * that half page (half the memory a step over 2000 tensors of 10 floats grew by).
 */
export function freestColor(taken: readonly number[], count = taken.length): number {
  if (count === 0) return -1;
  const base = lineColorOf(taken[0]!);
  // Insertion sort of the colours relative to `base`: at most five, and `Array.prototype.sort` with
  // a comparator showed in profiles of a step over 200 tensors (≈3 % of it).
  sorted.length = count;
  for (let i = 0; i < count; i++) {
    const c = (lineColorOf(taken[i]!) - base) & (COLOR_SPAN - 1);
    let j = i;
    for (; j > 0 && sorted[j - 1]! > c; j--) sorted[j] = sorted[j - 1]!;
    sorted[j] = c;
  }
  let best = 0;
  let bestGap = -1;
  for (let i = 0; i < count; i++) {
    const from = sorted[i]!;
    const to = i + 1 < count ? sorted[i + 1]! : sorted[0]! + COLOR_SPAN;
    if (to - from > bestGap) [bestGap, best] = [to - from, from];
  }
  return colorOf(base + best + Math.floor(bestGap / 2 / GRAIN) * GRAIN);
}

/**
 * A seeded stream of uniform numbers in [0, 1) (mulberry32): the same seed gives the same stream on
 * every platform and Node version, so a run that shuffles repeats bit for bit with `--seed` —
 * `Math.random` cannot be seeded. `--seed` takes any safe integer (up to 2⁵³ − 1): both 32-bit halves
 * go into the 32-bit state, so seeds that differ only above bit 32 give different streams too (almost
 * always: 2⁵³ seeds share 2³² states).
 */
export function seededRandom(seed: number): () => number {
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw new RangeError(`seededRandom: the seed must be a whole number ≥ 0, got ${seed}`);
  let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) >>> 0, 0x9e3779b9);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

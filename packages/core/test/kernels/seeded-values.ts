const SPECIAL = [0, -0, 1e-40, -1e-310, 3e38, -1e30, 1, -1]; // finite in float32 too

/**
 * `n` values from a seeded generator (fast-check would take seconds for long arrays): mostly
 * ±10^(−6…6), some edge cases — signed zeros, subnormals, extremes.
 */
export function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () => {
    const u = next();
    if (u < 0.15) return SPECIAL[Math.floor(next() * SPECIAL.length)]!;
    return (u < 0.575 ? -1 : 1) * 10 ** (12 * next() - 6);
  });
}

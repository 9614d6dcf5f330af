/** Seeded inputs for the webgl page: weights, gradients and losses, all float32. */

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ±10^e, e uniform in [lo, hi]: magnitudes over many decades, all normal float32. */
const magnitude = (rand: () => number, lo: number, hi: number) => Math.fround(10 ** (lo + (hi - lo) * rand()));

/** Initial weights: mostly ±1e-6…1e3, some +0 and −0. */
export function weights(rand: () => number, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => {
    const u = rand();
    if (u < 0.08) return 0;
    if (u < 0.12) return -0;
    return (rand() < 0.5 ? -1 : 1) * magnitude(rand, -6, 3);
  });
}

/**
 * `steps` gradients for `n` values: each element keeps its sign with probability 0.7 (so Δ grows for a
 * while) or flips; about 15% are +0 or −0; magnitudes 1e-8…1e2.
 */
export function gradients(rand: () => number, n: number, steps: number): Float32Array[] {
  const signs = Array.from({ length: n }, (): number => (rand() < 0.5 ? -1 : 1));
  return Array.from({ length: steps }, () =>
    Float32Array.from({ length: n }, (_, i) => {
      if (rand() >= 0.7) signs[i] = -signs[i]!;
      const u = rand();
      if (u < 0.1) return 0;
      if (u < 0.15) return -0;
      return signs[i]! * magnitude(rand, -8, 2);
    }),
  );
}

/** A loss per step, float32 (as setLoss uses it), rising and falling at random. */
export function losses(rand: () => number, steps: number): number[] {
  return Array.from({ length: steps }, () => Math.fround(100 * rand()));
}

/** A subnormal float32 of either sign: 1.4e-45 ≤ |x| < 1.18e-38 (float32's smallest normal). */
function subnormal(rand: () => number): number {
  return (rand() < 0.5 ? -1 : 1) * Math.fround(10 ** (-45 + 7 * rand()) * 1.17);
}

/**
 * Puts subnormals into one element in ten of `init` (the weight, and the gradient at about half the
 * steps) and into one other in ten (the gradient at every step). Returns those elements' indices:
 * every rule is elementwise, so what subnormals change stays there.
 */
export function plantSubnormals(rand: () => number, init: Float32Array, grads: Float32Array[]): Set<number> {
  const planted = new Set<number>();
  for (let i = 0; i < init.length; i++) {
    if (i % 10 === 3) {
      init[i] = subnormal(rand);
      for (const g of grads) if (rand() < 0.5) g[i] = subnormal(rand);
    } else if (i % 10 === 7) {
      for (const g of grads) g[i] = subnormal(rand);
    } else continue;
    planted.add(i);
  }
  return planted;
}

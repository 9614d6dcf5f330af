import { seededRandom } from './seeded-random.js';

/**
 * The seeds of each layer's initial weights for `--seed seed`: whole numbers below 2⁵³, drawn from
 * the seed's own stream (`seededRandom`). Not `seed + layer`: TF.js seeds each layer's generator with
 * that number alone, so `--seed 2`'s first layer got `--seed 1`'s second layer's numbers (the same
 * values, scaled by the layers' Glorot limits), and runs over seeds 1, 2, 3… to average out the
 * initialization started from weights they shared.
 */
export function layerSeeds(seed: number, layers: number): number[] {
  const random = seededRandom(seed);
  // Each draw is a 32-bit number over 2³²: the top 21 bits of one and all of the next make 53.
  return Array.from({ length: layers }, () => Math.floor(random() * 2 ** 21) * 2 ** 32 + random() * 2 ** 32);
}

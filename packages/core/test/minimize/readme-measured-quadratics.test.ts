import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { minimize, VARIANTS } from '../../src/index.js';
import { scaledQuadratic } from './functions.js';

// The README's minimize section says what minimize does on the three quadratics of its story, with
// the defaults: "0.01x² and 100x² from 3, and 0.01x²+100y² from (3, −2), converge to |x| < B in
// LO–HI iterations for every variant". It used to read "… from (3, −2)" for all three, which a
// reader could not reproduce on the one-dimensional ones. This reruns the twelve runs and holds the
// sentence's figures to them: every run converged within B, and LO and HI the fewest and most steps.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s*\n\s*/g, ' ');
const claim = /Measured: 0\.01x² and 100x² from 3, and 0\.01x²\+100y² from \(3, −2\), converge to \|x\| < ([\d.e-]+) in (\d+)–(\d+) iterations for every variant/.exec(readme);

const problems: Array<[string, number[], number[]]> = [
  ['0.01x²', [0.01], [3]],
  ['100x²', [100], [3]],
  ['0.01x² + 100y²', [0.01, 100], [3, -2]],
];
const runs = VARIANTS.flatMap((variant) =>
  problems.map(([name, scales, x0]) => ({ name: `${variant} on ${name}`, result: minimize(scaledQuadratic(scales), x0, { variant }) })),
);

describe("the README's measured minimize runs on the quadratics", () => {
  it('are stated in the README, with their starting points', () => expect(claim).not.toBeNull());

  it('converge within the stated |x| bound, every variant', () => {
    const bound = Number(claim![1]);
    for (const { name, result } of runs) {
      expect(result.converged, name).toBe(true);
      expect(Math.max(...Array.from(result.x, Math.abs)), name).toBeLessThan(bound);
    }
  });

  it('take the stated range of iterations, its ends included', () => {
    const iterations = runs.map((r) => r.result.iterations);
    expect([Math.min(...iterations), Math.max(...iterations)]).toEqual([Number(claim![2]), Number(claim![3])]);
  });
});

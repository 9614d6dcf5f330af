import type { Dataset } from './dataset.js';

function table(source: string, rows: Array<[number[], number[]]>, hidden?: number[]): Dataset {
  const inputs = rows[0]![0].length;
  const outputs = rows[0]![1].length;
  return {
    source,
    ...(hidden === undefined ? {} : { hidden }),
    count: rows.length,
    inputs,
    outputs,
    x: Float32Array.from(rows.flatMap(([i]) => i)),
    y: Float32Array.from(rows.flatMap(([, o]) => o)),
  };
}

/** Every n-bit pattern. */
function patterns(n: number): number[][] {
  return Array.from({ length: 2 ** n }, (_, k) => Array.from({ length: n }, (_, b) => (k >> (n - 1 - b)) & 1));
}

/**
 * The benchmarks of the original Rprop paper (Riedmiller & Braun 1993), generated in code so nothing
 * needs downloading. Targets in [0, 1], inputs too but for two-spirals' coordinates, in [−1, 1]. In
 * the order `--help` lists them: messages list the keys.
 */
export const BUILTIN: Record<string, () => Dataset> = {
  xor: () => table('xor', patterns(2).map((p) => [p, [p[0]! ^ p[1]!]])),
  parity8: () => table('parity8', patterns(8).map((p) => [p, [p.reduce((a, b) => a ^ b, 0)]])),
  // Lang & Witbrock's two spirals: 97 points each, coordinates scaled into [−1, 1].
  'two-spirals': () => table('two-spirals', Array.from({ length: 194 }, (_, k) => {
    const i = k >> 1;
    const angle = (i * Math.PI) / 16;
    const radius = (6.5 * (104 - i)) / 104;
    const sign = k % 2 === 0 ? 1 : -1;
    return [[(sign * radius * Math.sin(angle)) / 6.5, (sign * radius * Math.cos(angle)) / 6.5], [k % 2 === 0 ? 1 : 0]];
  })),
  'encoder-10-5-10': () => table('encoder-10-5-10', Array.from({ length: 10 }, (_, k) => {
    const one = Array.from({ length: 10 }, (_, i) => (i === k ? 1 : 0));
    return [one, one];
  }), [5]), // the 5 of its name: ten one-hot patterns squeezed through five hidden units
};

import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { ALL_CASES, casesNamed, trainFile } from '../bench/fann/fann-sets.mjs';

// Which FANN/PROBEN1 sets bench:fann runs: the documented two unless FANN_SETS names others.
// Only the selection is checked here; no data is read and nothing is trained.
const names = (cases: { name: string }[]): string[] => cases.map((c) => c.name);

describe("bench:fann's sets (bench/fann/fann-sets.mjs)", () => {
  it('runs diabetes and thyroid when no set is named, so the documented acceptance run is unchanged', () => {
    expect(names(casesNamed(undefined))).toEqual(['diabetes', 'thyroid']);
    expect(names(casesNamed(' '))).toEqual(['diabetes', 'thyroid']);
  });

  it('knows every set in the FANN folder, each with a hidden size, target and epoch cap', () => {
    expect(names(casesNamed('all')).sort()).toEqual(['building', 'diabetes', 'gene', 'mushroom', 'parity8', 'robot', 'soybean', 'thyroid', 'two-spiral', 'xor']);
    for (const c of ALL_CASES) {
      expect(c.hidden, c.name).toBeGreaterThan(0);
      expect(c.target, c.name).toBeGreaterThan(0);
      expect(c.maxEpochs, c.name).toBeGreaterThan(0);
    }
  });

  it('takes all with spaces around it, as it takes set names', () => {
    expect(names(casesNamed(' all '))).toEqual(names(ALL_CASES));
  });

  it('takes the names given, in the table order, each once', () => {
    expect(names(casesNamed('mushroom, gene'))).toEqual(['gene', 'mushroom']);
    expect(names(casesNamed('xor,xor,soybean,'))).toEqual(['xor', 'soybean']);
  });

  it('refuses an unknown name, naming it and the known sets', () => {
    expect(() => casesNamed('gene,spirals')).toThrow(/unknown set spirals: the sets are xor, parity8, .*mushroom, or all/);
    expect(() => casesNamed('all,gene')).toThrow(/unknown set all: /);
  });

  it("reads xor from xor.data (it has no .train/.test pair) and the others from <name>.train", () => {
    const [xor, gene] = casesNamed('xor,gene');
    expect(basename(trainFile(xor))).toBe('xor.data');
    expect(basename(trainFile(gene))).toBe('gene.train');
  });
});

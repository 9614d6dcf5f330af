import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { ALL_CASES, casesNamed, selectedCases, trainFile } from '../bench/fann/fann-sets.mjs';

// Which FANN/PROBEN1 sets bench:fann runs: the documented two unless --sets or FANN_SETS names others.
// Only the selection is checked here; no data is read and nothing is trained.
const names = (cases: { name: string }[]): string[] => cases.map((c) => c.name);

describe("bench:fann's sets (bench/fann/fann-sets.mjs)", () => {
  it('runs diabetes and thyroid when no set is named, so the documented acceptance run is unchanged', () => {
    expect(names(selectedCases([], {}))).toEqual(['diabetes', 'thyroid']);
    expect(names(casesNamed(''))).toEqual(['diabetes', 'thyroid']);
  });

  it('knows every set in the FANN folder, each with a hidden size, target and epoch cap', () => {
    expect(names(casesNamed('all')).sort()).toEqual(['building', 'diabetes', 'gene', 'mushroom', 'parity8', 'robot', 'soybean', 'thyroid', 'two-spiral', 'xor']);
    for (const c of ALL_CASES) {
      expect(c.hidden, c.name).toBeGreaterThan(0);
      expect(c.target, c.name).toBeGreaterThan(0);
      expect(c.maxEpochs, c.name).toBeGreaterThan(0);
    }
  });

  it('takes names from FANN_SETS, or from --sets before it, in the table order, each once', () => {
    expect(names(selectedCases([], { FANN_SETS: 'mushroom, gene' }))).toEqual(['gene', 'mushroom']);
    expect(names(selectedCases(['--json', '--sets', 'xor,xor,soybean'], { FANN_SETS: 'gene' }))).toEqual(['xor', 'soybean']);
  });

  it('refuses an unknown name, naming it and the known sets, and a --sets without names', () => {
    expect(() => casesNamed('gene,spirals')).toThrow(/unknown set spirals: the sets are xor, parity8, .*mushroom, or all/);
    expect(() => selectedCases(['--sets'], {})).toThrow(/--sets: give set names/);
    expect(() => selectedCases(['--sets', '--json'], {})).toThrow(/--sets: give set names/);
  });

  it("reads xor from xor.data (it has no .train/.test pair) and the others from <name>.train", () => {
    const [xor, gene] = casesNamed('xor,gene');
    expect(basename(trainFile(xor))).toBe('xor.data');
    expect(basename(trainFile(gene))).toBe('gene.train');
  });
});

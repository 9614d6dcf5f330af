import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// bench:fann takes its sets from FANN_SETS (bench-fann-sets.test.ts checks the parsing): the script
// itself must pass the variable on, look only for the sets it names, and refuse a bad one before
// anything runs. Run with an empty data folder, so nothing is compiled or trained.
const empty = tempFolder('rprop-fann-sets-env-');
const script = join(root, 'packages', 'cli', 'bench', 'fann', 'bench-fann.mjs');

/** bench-fann.mjs run with FANN_SETS = `sets` on the empty data folder. */
function benchFann(sets: string) {
  return spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FANN_DATASETS: empty, FANN_SETS: sets } });
}

describe('bench:fann reads FANN_SETS', () => {
  it('looks for the sets it names, and only those', () => {
    const r = benchFann('gene,xor');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`looked for xor.data and gene.train in ${empty}`);
  });

  it('refuses an unknown set with exit code 2, naming it, before looking for data', () => {
    const r = benchFann('spirals');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bench:fann: FANN_SETS: unknown set spirals: the sets are xor, /);
    expect(r.stdout).toBe('');
  });
});

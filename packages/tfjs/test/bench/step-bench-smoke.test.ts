import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const tfjs = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Not a timing (speed is for `npm run bench` on a quiet machine): this runs the benchmark script so
// that a change to the optimizer or to TF.js that breaks it fails a test rather than the next bench.
describe('the optimizer step benchmark (bench/step.mjs), as a smoke run', () => {
  it('times Rprop and Adam on both backends over the MLP of 235 146 parameters', () => {
    const r = spawnSync(process.execPath, [join(tfjs, 'bench', 'step.mjs'), '--json'], { cwd: tfjs, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Array<{ backend: string; parameters: number; rpropMs: number; adamMs: number; ratio: number }>;
    expect(rows.map((row) => [row.backend, row.parameters])).toEqual([
      ['cpu', 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10],
      ['wasm', 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10],
    ]);
    for (const row of rows) {
      expect(row.rpropMs).toBeGreaterThan(0);
      expect(row.adamMs).toBeGreaterThan(0);
      // The median of per-round ratios (core's bench/timing.mjs, tested there): near the medians'
      // ratio on any machine, equal to it only by chance.
      expect(Number.isFinite(row.ratio) && row.ratio > 0).toBe(true);
    }
  }, 150_000);
});

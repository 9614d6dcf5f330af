import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Not a timing: `npm run bench` itself is not run here (minutes, and it wants a quiet machine). This
// runs the script on its smallest shape without torch so that a change to what it reads (it counts
// the state an optimizer really keeps, through members private in TypeScript) breaks a test, not
// the next benchmark run.
describe('the kernel benchmark (bench/kernels.mjs), as a smoke run', () => {
  it('runs at 1e4 without torch and reports every column, and the state bytes read off real optimizers', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', join(core, 'bench', 'kernels.mjs'), '--json', '--shape=1e4'], {
      cwd: core,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, RPROP_BENCH_NO_TORCH: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      rows: Array<Record<string, unknown>>;
      stateBytesPerParameter: Record<string, number>;
      targets: Array<{ what: string; met: boolean }>;
    };
    expect(out.rows.map((row) => `${row.dtype} ${row.shape}`)).toEqual(['float32 1e4', 'float64 1e4']);
    for (const row of out.rows) {
      for (const column of ['referenceNs', 'fastNs', 'zeroCopyNs', 'copyFloorNs', 'zeroCopyThreadsNs']) {
        expect(row[column], `${row.dtype} ${column}`).toBeGreaterThan(0);
      }
      expect(row.torchForeachNs).toBeNull();
    }
    // Rprop keeps, per parameter, its step size and the previous derivative (+ the previous update
    // for the + variants), each of the parameter's own type: 8/12 bytes float32, 16/24 float64.
    const s = out.stateBytesPerParameter;
    expect([s['irprop- float32'], s['rprop- float32'], s['irprop+ float32'], s['rprop+ float32']]).toEqual([8, 8, 12, 12]);
    expect([s['irprop- float64'], s['irprop+ float64'], s['Lion float64'], s['Signum float32']]).toEqual([16, 24, 8, 4]);
    expect(out.targets.filter((t) => t.what.startsWith('state bytes')).every((t) => t.met)).toBe(true);
  }, 150_000);

  it('stops at a --shape it does not measure, saying which it does, before measuring anything', () => {
    const r = spawnSync(process.execPath, [join(core, 'bench', 'kernels.mjs'), '--shape=2e6'], { cwd: core, encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPROP_BENCH_NO_TORCH: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kernels.mjs: --shape=2e6 names none of the shapes measured: 1e4, 1e6, 1e7, 200×5000, 200×50000\n');
  });
});

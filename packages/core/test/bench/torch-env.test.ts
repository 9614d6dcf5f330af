import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { DTYPES, SHAPES } from '../../bench/paths.mjs';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { TORCH_REUSES_MEMORY, torchEnv } from '../../bench/torch.mjs';

const bench = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench');

// torch itself is not run here (it takes minutes and wants a quiet machine): what decides which
// torch is measured, and how its times become ns per parameter.
describe('the torch timings of the kernel benchmark (bench/torch.mjs, torch_rprop_bench.py)', () => {
  it('"torch" is glibc as installed, even under a GLIBC_TUNABLES of the caller; "torch reused" keeps freed memory', () => {
    const base = { PATH: '/bin', GLIBC_TUNABLES: 'glibc.malloc.arena_max=1' };
    expect(torchEnv(base, false)).toEqual({ PATH: '/bin' });
    expect(torchEnv(base, true)).toEqual({ PATH: '/bin', GLIBC_TUNABLES: TORCH_REUSES_MEMORY });
    expect(base.GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=1');
  });

  it("the reuse thresholds are above every tensor's size, so no freed tensor goes back to the kernel", () => {
    const largest = Math.max(...(SHAPES as Array<{ size: number }>).flatMap((s) => (DTYPES as Array<{ Ctor: { BYTES_PER_ELEMENT: number } }>).map((d) => s.size * d.Ctor.BYTES_PER_ELEMENT)));
    const thresholds = Object.fromEntries((TORCH_REUSES_MEMORY as string).split(':').map((t) => t.replace('glibc.malloc.', '').split('=')));
    expect(Object.keys(thresholds).sort()).toEqual(['mmap_threshold', 'trim_threshold']);
    for (const bytes of Object.values(thresholds)) expect(Number(bytes)).toBeGreaterThan(largest);
  });

  it.skipIf(!existsSync('/usr/bin/python3'))("the Python script's median step over every element of every tensor, in ns", () => {
    const program = `import sys; sys.path.insert(0, sys.argv[1]); from torch_rprop_bench import median_ns_per_parameter as f; print(f([0.003, 0.001, 0.002], 200, 5000))`;
    const r = spawnSync('/usr/bin/python3', ['-B', '-c', program, bench], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo(2, 9);
  });
});

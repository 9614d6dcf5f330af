// torch.optim.Rprop(foreach=True) timings from the system Python, or null where it has no torch.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Separate Python processes whose timings are compared, per shape. On a shared 2-core machine a
 * whole torch process sometimes runs ≈3× slower than the next one (its two OpenMP threads time-share
 * a core), so one process is not a fair measurement of torch.
 */
const RUNS = 3;

/**
 * { [shape label]: ns per parameter } for `dtype` — per shape the fastest of RUNS processes' medians,
 * the comparison most favourable to torch — or null if /usr/bin/python3 cannot import torch.
 */
export function torchNsPerParameter(shapes, dtype) {
  try {
    const cases = shapes.map((s) => ({ label: s.label, tensors: s.tensors, size: s.size, dtype }));
    const runs = Array.from({ length: RUNS }, () =>
      JSON.parse(
        execFileSync('/usr/bin/python3', [join(here, 'torch_rprop_bench.py'), JSON.stringify(cases)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 300_000,
        }),
      ),
    );
    return Object.fromEntries(cases.map(({ label }) => [label, Math.min(...runs.map((r) => r[label]))]));
  } catch {
    return null;
  }
}

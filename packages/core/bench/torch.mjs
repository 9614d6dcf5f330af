// torch.optim.Rprop(foreach=True) timings from the system Python, or null where it has no torch.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** { [shape label]: ns per parameter } for `dtype`, or null if /usr/bin/python3 cannot import torch. */
export function torchNsPerParameter(shapes, dtype) {
  try {
    const cases = shapes.map((s) => ({ label: s.label, tensors: s.tensors, size: s.size, dtype }));
    const out = execFileSync('/usr/bin/python3', [join(here, 'torch_rprop_bench.py'), JSON.stringify(cases)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 300_000,
    });
    return JSON.parse(out);
  } catch {
    return null;
  }
}

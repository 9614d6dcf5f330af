// torch.optim.Rprop(foreach=True) timings from the system Python (Debian's python3-torch).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

let available;

/** Whether /usr/bin/python3 can import torch (asked once). */
export function torchAvailable() {
  if (available === undefined) {
    try {
      execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * ns per parameter of one `torch.optim.Rprop(foreach=True).step()` on `shape` in `dtype`, 2 threads:
 * the median step of one fresh Python process. A process of its own each time, because on a shared
 * 2-core machine a whole torch process sometimes runs ≈3× slower than the next (its two OpenMP
 * threads time-share a core): callers run several and keep the fastest.
 */
export function torchNsPerParameter(shape, dtype) {
  const cases = [{ label: shape.label, tensors: shape.tensors, size: shape.size, dtype }];
  const out = execFileSync(PYTHON, [join(here, 'torch_rprop_bench.py'), JSON.stringify(cases)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 300_000,
  });
  return JSON.parse(out)[shape.label];
}

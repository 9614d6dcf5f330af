// torch.optim.Rprop(foreach=True) timings from the system Python (Debian's python3-torch).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

let available;

/**
 * Whether /usr/bin/python3 can import torch (asked once). RPROP_BENCH_NO_TORCH=1 says no without
 * asking: the test suite's smoke run of the benchmark leaves torch out (it takes minutes).
 */
export function torchAvailable() {
  if (available === undefined && process.env.RPROP_BENCH_NO_TORCH === '1') available = false;
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
 * glibc's malloc settings under which torch's step reuses its memory. By default glibc hands blocks
 * of a tensor's size (MiBs) to the kernel on free and maps fresh pages on the next allocation, so
 * each of the step's temporary tensors page-faults in: at 10⁷ float32 parameters that is ≈36 ns per
 * parameter against ≈10 with these settings, and at 10⁶ a process lands in one mode or the other
 * depending on how glibc's dynamic mmap threshold moved (9–10 or 24–43 ns, measured 2026-11-25).
 * Raising the mmap and trim thresholds above every tensor's size keeps freed blocks for reuse.
 */
export const TORCH_REUSES_MEMORY = 'glibc.malloc.mmap_threshold=4000000000:glibc.malloc.trim_threshold=4000000000';

/**
 * The environment of a torch process: `base` with glibc's malloc as installed (no GLIBC_TUNABLES,
 * even one set in the caller's environment) or, with `reuseMemory`, set to keep freed memory.
 */
export function torchEnv(base, reuseMemory) {
  const env = { ...base };
  if (reuseMemory) env.GLIBC_TUNABLES = TORCH_REUSES_MEMORY;
  else delete env.GLIBC_TUNABLES;
  return env;
}

/**
 * ns per parameter of one `torch.optim.Rprop(foreach=True).step()` on `shape` in `dtype`, 2 threads:
 * the median step of one fresh Python process, with glibc's malloc as installed or, with
 * `reuseMemory`, set to keep freed memory (TORCH_REUSES_MEMORY). A process of its own each time:
 * whether a default process pays page faults every step is decided early in it, so callers run
 * several and keep the fastest.
 */
export function torchNsPerParameter(shape, dtype, { reuseMemory = false } = {}) {
  const cases = [{ label: shape.label, tensors: shape.tensors, size: shape.size, dtype }];
  const env = torchEnv(process.env, reuseMemory);
  const out = execFileSync(PYTHON, [join(here, 'torch_rprop_bench.py'), JSON.stringify(cases)], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 300_000,
  });
  return JSON.parse(out)[shape.label];
}

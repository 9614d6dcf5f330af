import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `rprop bench`'s flags, passed on to every benchmark script. */
export interface BenchOptions {
  json: boolean;
  /** The kernel bench without its 1e7 size, a smoke run (its --quick; the TF.js step bench ignores it). */
  quick: boolean;
}

/**
 * The node command lines `rprop bench` runs, as the workspaces' `npm run bench` runs them: with
 * `--expose-gc`, so the benchmarks' `globalThis.gc?.()` between measurements really collects.
 */
export function benchCommands(o: BenchOptions): Array<{ script: string; args: string[] }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const flags = [...(o.json ? ['--json'] : []), ...(o.quick ? ['--quick'] : [])];
  return [join(root, 'packages', 'core', 'bench', 'kernels.mjs'), join(root, 'packages', 'tfjs', 'bench', 'step.mjs')].map((script) => ({
    script,
    args: ['--expose-gc', script, ...flags],
  }));
}

/** `rprop bench`: the workspaces' benchmarks (kernels, TF.js step), one after the other; returns the exit code. */
export function runBench(o: BenchOptions): number {
  for (const { script, args } of benchCommands(o)) {
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: dirname(script) });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `rprop bench`'s flags, passed on to every benchmark script. */
export interface BenchOptions {
  json: boolean;
  /** The kernel bench without its 1e7 size, a smoke run (its --quick; the TF.js step bench ignores it). */
  quick: boolean;
}

/**
 * The node command lines `rprop bench` runs: the scripts the workspaces' `npm run bench` runs, each
 * with `--expose-gc` (as the kernel bench's npm script has it), so the benchmarks'
 * `globalThis.gc?.()` between measurements really collects (the TF.js step bench calls none).
 */
export function benchCommands(o: BenchOptions): Array<{ script: string; args: string[] }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const flags = [...(o.json ? ['--json'] : []), ...(o.quick ? ['--quick'] : [])];
  return [join(root, 'packages', 'core', 'bench', 'kernels.mjs'), join(root, 'packages', 'tfjs', 'bench', 'step.mjs')].map((script) => ({
    script,
    args: ['--expose-gc', script, ...flags],
  }));
}

/**
 * `rprop bench`: the workspaces' benchmarks (kernels, TF.js step), one after the other; returns the exit code.
 * The scripts live in the repository, not in the published packages: installed from npm, it says so
 * (exit code 1) instead of failing silently.
 */
export function runBench(o: BenchOptions, commands = benchCommands(o)): number {
  const missing = commands.find((c) => !existsSync(c.script));
  if (missing) {
    process.stderr.write(`rprop: bench runs the repository's benchmark scripts, which the installed package does not include (no ${missing.script}): run \`npm run bench\` in a clone of the repository\n`);
    return 1;
  }
  for (const { script, args } of commands) {
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: dirname(script) });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

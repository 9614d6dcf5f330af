import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `rprop bench`: the workspaces' benchmarks (kernels, TF.js step), as `npm run bench` runs them. */
export function runBench(json: boolean): number {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const scripts = [join(root, 'packages', 'core', 'bench', 'kernels.mjs'), join(root, 'packages', 'tfjs', 'bench', 'step.mjs')];
  for (const script of scripts) {
    const r = spawnSync(process.execPath, [script, ...(json ? ['--json'] : [])], { stdio: 'inherit', cwd: dirname(script) });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'rprop.js');

/** Runs the built `rprop` command as a process; `extra` may set its environment or user. */
export function rprop(args: string[], cwd = root, extra: Pick<SpawnSyncOptions, 'env' | 'uid' | 'gid'> = {}): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(bin)) throw new Error('packages/cli is not built: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, ...extra });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

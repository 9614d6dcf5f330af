import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const bin = join(root, 'packages', 'cli', 'bin', 'rprop.js');

/** Runs the built `rprop` command as a process; `extra` may set its environment or user. */
export function rprop(args: string[], cwd = root, extra: Pick<SpawnSyncOptions, 'env' | 'uid' | 'gid'> = {}): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(bin)) throw new Error('packages/cli is not built: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, ...extra });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Whether the user `uid` can run the command from this checkout: a checkout in a private folder
 * (e.g. under `mktemp -d`, mode 700) is closed to other users, whatever the tests' own folders allow.
 */
export function userCanRun(uid: number, gid: number): boolean {
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(bin)}, require('fs').constants.R_OK)`], { uid, gid, timeout: 30_000 });
  return r.status === 0;
}

/**
 * Runs the built command as `rprop` does, and calls `meanwhile` once, at its first progress line
 * (piped, without `--json`, it comes at epoch 1): the destinations have passed their checks and
 * training runs, so what `meanwhile` changes, the command meets only when it writes its outputs.
 * Give enough epochs that training outlasts `meanwhile`; `acted` says whether it ran. `meanwhile` gets
 * the command's process id, which names its temporary files (`PATH.partial-<pid>`).
 */
export async function rpropWhileTraining(
  args: string[],
  cwd: string,
  meanwhile: (pid: number) => void,
  extra: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Promise<{ status: number | null; stdout: string; stderr: string; acted: boolean }> {
  if (!existsSync(bin)) throw new Error('packages/cli is not built: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [bin, ...args], { cwd, ...extra });
  let stdout = '';
  let stderr = '';
  let acted = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (!acted && chunk.startsWith('epoch ')) {
      acted = true;
      meanwhile(child.pid!);
    }
    stderr += chunk;
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, acted };
}

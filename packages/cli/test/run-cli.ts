import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
 * (piped, without `--json`, it comes at epoch 1), with the command paused (SIGSTOP … SIGCONT): the
 * destinations have passed their checks and training runs, so what `meanwhile` changes, the command
 * meets only when it writes its outputs. Give enough epochs that training is still running when the
 * line has reached the test (a fraction of a second is ample); `acted` says whether it was, and so
 * whether `meanwhile` ran. `meanwhile` gets the command's process id, which names its temporary files
 * (`PATH.partial-<pid>`).
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
      // The command is paused while `meanwhile` acts: however long that takes, and however busy the
      // machine, it meets the change only once it goes on. (It must still be running when paused:
      // `acted` says so, and is false if it had already ended.)
      child.kill('SIGSTOP');
      acted = running(child.pid!);
      try {
        if (acted) meanwhile(child.pid!);
      } finally {
        child.kill('SIGCONT');
      }
    }
    stderr += chunk;
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, acted };
}

/** Whether process `pid` exists and has not ended (Linux: its /proc state is not Z, a zombie). */
function running(pid: number): boolean {
  try {
    // /proc/PID/stat: "pid (name) state …"; the name may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

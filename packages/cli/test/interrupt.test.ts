import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-interrupt-');

/** Whether process `pid` is stopped (Linux: its state in /proc is T). */
const isStopped = (pid: number) => /^\d+ \(.*\) T /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

// The outputs are written in one go after training, in a fraction of a second: the test catches the
// command in the act by stopping it (SIGSTOP) as soon as a temporary file appears, sends the signal
// while it is stopped, and lets it go on (SIGCONT). A network of 1500×1500 makes the writing take
// a few hundred milliseconds, which the stop easily falls into.
describe.skipIf(!existsSync('/proc/self/stat'))('interrupted while the outputs are written', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s leaves no temporary file, writes both outputs or neither, and ends the command by that signal (was: killed, *.partial-<pid> left behind)', async (signal) => {
    const folder = mkdtempSync(join(dir, `${signal}-`));
    const args = ['train', 'xor', '--hidden', '1500,1500', '--epochs', '1', '--backend', 'cpu', '--save', 'model', '--plot', 'curve.svg'];
    const child = spawn(process.execPath, [bin, ...args], { cwd: folder, stdio: 'ignore' });
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, by) => resolve([code, by])));
    let stopped = false;
    const watcher = watch(folder, (_event, name) => {
      if (!stopped && name?.includes('.partial-')) {
        stopped = true;
        child.kill('SIGSTOP');
      }
    });
    await waitFor(() => stopped || child.exitCode !== null);
    watcher.close();
    expect(stopped, 'no temporary file appeared').toBe(true);
    await waitFor(() => isStopped(child.pid!));
    expect(isStopped(child.pid!)).toBe(true);
    const caught = readdirSync(folder);
    expect(caught.some((f) => f.includes('.partial-')), `caught writing: ${caught.join(', ')}`).toBe(true);
    child.kill(signal);
    child.kill('SIGCONT');
    const ended = await closed;
    const left = readdirSync(folder).sort();
    expect(left.filter((f) => f.includes('.partial-') || f.includes('.old-'))).toEqual([]);
    expect(ended).toEqual([null, signal]);
    // Both or neither: the signal may come while the outputs are still written aside, or only once
    // they are in place (the writing does not stop to look for signals).
    expect([[], ['curve.svg', 'model']]).toContainEqual(left);
    if (left.length > 0) expect(readdirSync(join(folder, 'model')).sort()).toEqual(['model.json', 'weights.bin']);
  });
});

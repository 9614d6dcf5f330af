import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-on-interrupt-');
const built = (file: string) => JSON.stringify(pathToFileURL(join(root, 'packages', 'cli', 'dist', file)).href);

/**
 * Runs `body` as a process of its own in a fresh folder (a signal ends the process it comes to), with
 * `onInterrupt`, `stageFile` and `writeFileSync` at hand; once `body` has run, sends `signal` and
 * returns how the process ended, and the folder.
 */
async function interrupt(body: string, signal: NodeJS.Signals = 'SIGINT'): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string; folder: string; before: string[] }> {
  if (!existsSync(join(root, 'packages', 'cli', 'dist', 'interrupt.js'))) throw new Error('packages/cli is not built: run `npm run build` first');
  const folder = mkdtempSync(join(dir, 'case-'));
  const script = [
    `import { onInterrupt } from ${built('interrupt.js')};`,
    `import { stageFile } from ${built('output/staged.js')};`,
    `import { writeFileSync } from 'node:fs';`,
    body,
    `process.stdout.write('ready\\n');`,
    'setInterval(() => {}, 1000);',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: folder });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, by) => resolve([code, by])));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const before = readdirSync(folder).sort();
  child.kill(signal);
  const [status, by] = await closed;
  return { status, signal: by, stderr, folder, before };
}

describe('onInterrupt', () => {
  it('removes a staged file not yet in place, and ends by SIGINT (a shell reports 130)', async () => {
    const r = await interrupt(`stageFile('curve.svg', '<svg/>');`);
    expect(r.before).toEqual([expect.stringMatching(/^curve\.svg\.partial-\d+$/)]);
    expect([r.status, r.signal], r.stderr).toEqual([null, 'SIGINT']);
    expect(readdirSync(r.folder)).toEqual([]);
  });

  it('leaves a file once in place, and ends by SIGTERM (a shell reports 143)', async () => {
    const r = await interrupt(`const plot = stageFile('curve.svg', '<svg/>'); plot.commit(); plot.discard();`, 'SIGTERM');
    expect([r.status, r.signal], r.stderr).toEqual([null, 'SIGTERM']);
    expect(readdirSync(r.folder)).toEqual(['curve.svg']);
  });

  it('runs every cleanup, the newest first, past one that fails; one forgotten does not run', async () => {
    const r = await interrupt(
      [
        `onInterrupt(() => writeFileSync('order', 'first ', { flag: 'a' }));`,
        `onInterrupt(() => { writeFileSync('order', 'second ', { flag: 'a' }); throw new Error('failed'); });`,
        `const forget = onInterrupt(() => writeFileSync('forgotten', ''));`,
        'forget();',
      ].join('\n'),
    );
    expect([r.status, r.signal], r.stderr).toEqual([null, 'SIGINT']);
    expect(r.stderr).toBe('');
    expect(readdirSync(r.folder)).toEqual(['order']);
    expect(readFileSync(join(r.folder, 'order'), 'utf8')).toBe('second first ');
  });

  // Another listener of the signal (a library's) keeps it from ending the process: the command still
  // ends, as a shell would report that signal — 143 for SIGTERM, not Ctrl-C's 130.
  it('still ends when the signal does not end it, with 128 + its number', async () => {
    const r = await interrupt(`onInterrupt(() => {}); process.on('SIGTERM', () => {});`, 'SIGTERM');
    expect([r.status, r.signal], r.stderr).toEqual([143, null]);
  });

  // A closed terminal (or `kill -HUP`) ends a command as Ctrl-C does: its cleanups run too.
  it('cleans up on SIGHUP too, and ends by it', async () => {
    const r = await interrupt(`onInterrupt(() => writeFileSync('cleaned', ''));`, 'SIGHUP');
    expect([r.status, r.signal], r.stderr).toEqual([null, 'SIGHUP']);
    expect(readdirSync(r.folder)).toEqual(['cleaned']);
  });
});

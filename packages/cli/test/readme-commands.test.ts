import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// The command lines the READMEs show (the repository's "The `rprop` command" and rprop-cli's) run as
// written: flags.test.ts checks that every flag they name exists, not that the lines are accepted
// together (a flag refused beside another, a built-in set renamed, a file the line names misread).
// `bench` is left out (it runs the benchmarks), and training gets `--epochs 1` to stay quick.

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The `rprop` command'), readme.indexOf('\n## ', readme.indexOf('## The `rprop` command') + 1));
const cliReadme = readFileSync(join(root, 'packages', 'cli', 'README.md'), 'utf8');
const shBlocks = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Each `rprop …` (or `npx rprop …`) line's arguments, without its comment. */
const commands = [...new Set([...shBlocks(section), ...shBlocks(cliReadme)].flatMap((block) => block.split('\n')))]
  .map((line) => /^(?:npx )?rprop (.*?)\s*(?:#.*)?$/.exec(line)?.[1])
  .filter((args): args is string => args !== undefined && !args.startsWith('bench'))
  .filter((args, k, all) => all.indexOf(args) === k);

const dir = tempFolder('rprop-readme-commands-');
// The files the lines name: XOR, in FANN format and as a CSV whose target is y.
const fann = '4 2 1\n0 0\n0\n0 1\n1\n1 0\n1\n1 1\n0\n';
writeFileSync(join(dir, 'data.train'), fann);
writeFileSync(join(dir, 'data.test'), fann);
writeFileSync(join(dir, 'data.csv'), 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');

/** Runs the built command in `dir`, as a process of its own (the lines run side by side). */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe("the READMEs' command lines", () => {
  it('found them: the demo, training on each kind of data, and the help', () => {
    expect(commands.some((c) => c.startsWith('demo '))).toBe(true);
    for (const data of ['xor', 'data.train', 'data.csv', 'two-spirals']) expect(commands.some((c) => c.startsWith(`train ${data} `))).toBe(true);
    expect(commands.some((c) => c.includes('--resume'))).toBe(true);
    expect(commands).toContain('train --help');
  });

  it('each runs as written and exits with 0, writing what it names', async () => {
    const args = commands.map((c) => [...c.split(/\s+/), ...(c.startsWith('train ') && !c.includes('--help') ? ['--epochs', '1'] : [])]);
    // A --resume line goes on from a model another line saves: those run first, side by side; then each
    // --resume line in the order shown.
    const resumes = args.filter((a) => a.includes('--resume'));
    const results = await Promise.all(args.map((a) => (resumes.includes(a) ? null : run(a))));
    for (const a of resumes) results[args.indexOf(a)] = await run(a);
    results.forEach((r, k) => expect(r!.status, `rprop ${args[k]!.join(' ')}\n${r!.stderr}`).toBe(0));
    for (const file of ['plots/trajectories.svg', 'model/model.json', 'model/weights.bin', 'curve.svg']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(results[commands.indexOf('train --help')]!.stdout).toMatch(/^Usage: rprop train /);
  });
});

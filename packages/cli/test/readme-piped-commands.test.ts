import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bin, root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// The READMEs' command lines that feed `rprop train` through a pipe (`zcat data.csv.gz | rprop train
// - --format csv …`) run as written. readme-commands.test.ts runs the lines that start with
// `rprop`; these start with `zcat`, so a flag they need (--format csv: a pipe has no name to read the
// format from) could go missing, or a --target name stop matching, unnoticed.

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const cliReadme = readFileSync(join(root, 'packages', 'cli', 'README.md'), 'utf8');
const shLines = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));

/** Each `zcat FILE | rprop …` (or `| npx rprop …`) line: the file and rprop's arguments, without the comment. */
const piped = [...shLines(readme), ...shLines(cliReadme)]
  .map((line) => /^zcat (\S+) \| (?:npx )?rprop (.*?)\s*(?:#.*)?$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[1]!, args: m[2]! }));

const dir = tempFolder('rprop-readme-piped-');
// The file the lines name: XOR as a CSV whose last column, y, is the target.
writeFileSync(join(dir, 'data.csv.gz'), gzipSync('a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n'));

const shellAndZcat = existsSync('/bin/sh') && spawnSync('/bin/sh', ['-c', 'command -v zcat']).status === 0;

describe("the READMEs' piped command lines", () => {
  it('found them, in both READMEs', () => {
    expect(piped.length).toBeGreaterThanOrEqual(2);
    for (const { file, args } of piped) {
      expect(file).toBe('data.csv.gz');
      expect(args).toMatch(/^train - /);
    }
  });

  it.skipIf(!shellAndZcat).each(piped.map((p) => [`zcat ${p.file} | rprop ${p.args}`, p] as const))('%s runs as written and reads the CSV', (_line, { file, args }) => {
    // The line as the shell runs it, with `rprop` the built command; one epoch, and the settings as JSON.
    const command = `zcat ${file} | "$0" "$1" ${args} --epochs 1 --backend cpu --json`;
    const r = spawnSync('/bin/sh', ['-c', command, process.execPath, bin], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const settings = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(settings).toMatchObject({ data: 'stdin', dataFormat: 'csv', samples: 4, inputColumns: ['a', 'b'], targetColumns: ['y'] });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const train = (args: string[], cwd?: string) => rprop(['train', ...args, '--epochs', '2', '--backend', 'cpu', '--json'], cwd);

describe('--hidden where it is not given', () => {
  const dir = tempFolder('rprop-builtin-hidden-');

  it('is the network encoder-10-5-10 is named for: 10-5-10', () => {
    const r = train(['encoder-10-5-10']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ data: 'encoder-10-5-10', hidden: [5] });
  });

  it('says so in the report line', () => {
    const r = rprop(['train', 'encoder-10-5-10', '--epochs', '2', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('network 10-5-10');
  });

  it('gives way to a --hidden that is given, also one equal to the default', () => {
    for (const hidden of ['16', '3,4']) {
      const r = train(['encoder-10-5-10', '--hidden', hidden]);
      expect(r.status, r.stderr).toBe(0);
      expect(lastJson(r.stdout).hidden).toEqual(hidden.split(',').map(Number));
    }
  });

  it('is 16 for the other built-in sets', () => {
    for (const set of ['xor', 'parity8', 'two-spirals']) {
      const r = train([set]);
      expect(r.status, r.stderr).toBe(0);
      expect(lastJson(r.stdout).hidden).toEqual([16]);
    }
  });

  it('is 16 for a file that happens to be named encoder-10-5-10 (its name gives it no network)', () => {
    writeFileSync(join(dir, 'encoder-10-5-10'), '2 2 1\n0 0\n0\n1 1\n1\n');
    const r = train(['encoder-10-5-10'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ samples: 2, hidden: [16] });
  });
});

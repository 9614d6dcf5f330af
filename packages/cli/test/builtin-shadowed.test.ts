import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

/**
 * A file or folder named like a built-in set is read instead of the set (so a file `xor` can be
 * trained on); when it cannot be, the message says why the set was not used.
 */
const scratch = tempFolder('rprop-shadow-');
const SHADOWED = / \(a file or folder named xor is in this folder, and is read instead of the built-in set xor: run from another folder to use the set\)$/;

describe('a built-in set shadowed by a file or folder of its name', () => {
  it('a folder: refused, saying the set was not used because of it', () => {
    const cwd = join(scratch, 'folder');
    mkdirSync(join(cwd, 'xor'), { recursive: true });
    const r = rprop(['train', 'xor', '--hidden', '2', '--epochs', '2'], cwd);
    expectOneLineError(r, 2, new RegExp(`^rprop: xor: not a file${SHADOWED.source}`));
  });

  it('a file that is not FANN data (a plot written as `--plot xor`): refused at its line, saying the same', () => {
    const cwd = join(scratch, 'file');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'xor'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n');
    const r = rprop(['train', 'xor', '--hidden', '2', '--epochs', '2'], cwd);
    expectOneLineError(r, 2, new RegExp(`^rprop: xor:1: .*${SHADOWED.source}`));
  });

  it('a FANN file of that name is trained on, as documented', () => {
    const cwd = join(scratch, 'data');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'xor'), '2 1 1\n0\n1\n1\n0\n'); // 2 samples: not the built-in set's 4
    const r = rprop(['train', 'xor', '--hidden', '2', '--epochs', '2', '--json'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!).samples).toBe(2);
  });

  it('elsewhere the name is the built-in set', () => {
    const r = rprop(['train', 'xor', '--hidden', '2', '--epochs', '2', '--json'], scratch);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!).samples).toBe(4);
  });
});

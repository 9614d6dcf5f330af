import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-outputs-');

describe('outputs are written all or none', () => {
  it('when --plot cannot be written after training, --save is not written either', async () => {
    mkdirSync(join(dir, 'plots'));
    const child = spawn(process.execPath, [join(root, 'packages', 'cli', 'bin', 'rprop.js'), 'train', 'xor', '--hidden', '2', '--epochs', '20000', '--backend', 'cpu', '--save', 'model', '--plot', 'plots/curve.svg'], { cwd: dir });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // The first progress line: the destinations passed their checks and training runs. Now the plot's folder goes.
      if (stderr === '' && chunk.startsWith('epoch ')) rmSync(join(dir, 'plots'), { recursive: true });
      stderr += chunk;
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^epoch /); // (else the folder was never removed)
    expect(lines.slice(0, -1).every((l) => l.startsWith('epoch ')), stderr).toBe(true); // progress, then one line
    expect(status).toBe(2);
    expect(lines.at(-1)).toBe('rprop: plots/curve.svg: no such file or folder');
    expect(existsSync(join(dir, 'model'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

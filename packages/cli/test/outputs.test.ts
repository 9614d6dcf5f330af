import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpropWhileTraining } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-outputs-');

describe('outputs are written all or none', () => {
  it('when --plot cannot be written after training, --save is not written either', async () => {
    mkdirSync(join(dir, 'plots'));
    // At the first progress line the destinations have passed their checks and training runs: now the plot's folder goes.
    const r = await rpropWhileTraining(['train', 'xor', '--hidden', '2', '--epochs', '1000', '--backend', 'cpu', '--save', 'model', '--plot', 'plots/curve.svg'], dir, () =>
      rmSync(join(dir, 'plots'), { recursive: true }),
    );
    expect(r.acted, r.stderr).toBe(true);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((l) => l.startsWith('epoch ')), r.stderr).toBe(true); // progress, then one line
    expect(r.status).toBe(2);
    expect(lines.at(-1)).toBe('rprop: plots/curve.svg: no such file or folder');
    expect(existsSync(join(dir, 'model'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

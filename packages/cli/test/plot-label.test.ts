import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-plot-label-');

describe('--plot names the optimizer in the legend', () => {
  it('with the Rprop variant for rprop, the optimizer alone for the others', () => {
    for (const [flags, label] of [[['--variant', 'irprop+'], 'rprop irprop+'], [['--variant', 'rprop-'], 'rprop rprop-'], [['--optimizer', 'lion'], 'lion']] as const) {
      const r = rprop(['train', 'xor', '--epochs', '2', '--backend', 'cpu', '--plot', 'curve.svg', ...flags], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'curve.svg'), 'utf8')).toContain(`>${label}</text>`);
    }
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlotName } from '../src/train/plot-name.js';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

describe('--plot with a name that says another format', () => {
  const dir = tempFolder('rprop-plot-name-');

  it('is refused before training, and nothing is written (it wrote SVG into curve.png)', () => {
    const r = rprop(['train', 'xor', '--epochs', '2', '--backend', 'cpu', '--plot', 'curve.png'], dir);
    expectOneLineError(r, 2, /^rprop: curve\.png: --plot writes the curve as SVG, but the name ends in \.png; name it \.svg$/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'curve.png'))).toBe(false);
  });

  it('leaves a name ending in / to the folder check, which says what is wrong with it', () => {
    expectOneLineError(rprop(['train', 'xor', '--epochs', '2', '--backend', 'cpu', '--plot', 'a.png/'], dir), 2, /^rprop: a\.png\/: names a folder \(it ends in \/\); --plot writes a file$/);
  });

  it.each(['curve.pdf', 'a/b.jpeg', 'curve.svg.tmp', 'curve.', '.png', 'out/.PDF'])('refuses %s', (name) => {
    expect(() => checkPlotName(name)).toThrow(/--plot writes the curve as SVG, but the name ends in \.\w*; name it \.svg$/);
  });

  // `.` and `..` are folders, no extension: the folder check is the one to say so.
  it.each(['.', '..', 'out/..'])('takes %s, which names no format', (name) => {
    expect(() => checkPlotName(name)).not.toThrow();
  });

  it.each(['curve.svg', 'CURVE.SVG', 'curve', 'dots.in.folder/curve', '.svg', 'out/.SVG', 'out.d/curve.svg', 'out.d/curve'])('takes %s', (name) => {
    expect(() => checkPlotName(name)).not.toThrow();
  });
});

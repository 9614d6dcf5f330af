import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unreplaceable } from '../src/output/model-folder.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-unreplaceable-');

// The save deletes the previous model's two files, never recursively: only files of those names are
// a previous model, and a folder so named is something else, which the swap could not delete.
describe('unreplaceable: what --save may replace', () => {
  it('a folder holding model.json and weights.bin files: yes', () => {
    const model = join(dir, 'model');
    mkdirSync(model);
    writeFileSync(join(model, 'model.json'), '{}');
    writeFileSync(join(model, 'weights.bin'), '');
    expect(unreplaceable(model)).toBeUndefined();
  });

  it('a folder holding a folder named weights.bin: no, it holds something else', () => {
    const model = join(dir, 'odd');
    mkdirSync(join(model, 'weights.bin'), { recursive: true });
    writeFileSync(join(model, 'model.json'), '{}');
    expect(unreplaceable(model)?.what).toBe('the folder holds other files (weights.bin)');
  });
});

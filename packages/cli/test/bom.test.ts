import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-bom-');

describe('a file that starts with a UTF-8 byte order mark (as Excel\'s "CSV UTF-8" writes)', () => {
  it('reads a quoted first column by its name', () => {
    const file = join(dir, 'excel.csv');
    writeFileSync(file, '\uFEFF"a","b","y"\r\n0,1,1\r\n1,0,0\r\n');
    const d = loadDataset(file, ['a']);
    expect(d).toMatchObject({ count: 2, inputs: 2, outputs: 1 });
    expect([...d.y]).toEqual([0, 1]);
  });

  it('reads a FANN file', () => {
    const file = join(dir, 'bom.train');
    writeFileSync(file, '\uFEFF1 2 1\r\n0 1\r\n1\r\n');
    expect(loadDataset(file)).toMatchObject({ count: 1, inputs: 2, outputs: 1 });
  });
});

describe('a file in UTF-16 (Excel\'s "Unicode Text", Windows tools)', () => {
  it('is refused, saying so, not read as a column named "��a\\u0000"', () => {
    const withBom = join(dir, 'utf16.csv');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,y\r\n0,1\r\n', 'utf16le')]));
    expect(() => loadDataset(withBom)).toThrow(`${withBom}: is UTF-16 text; save it as UTF-8 (or ASCII) text`);
    const noBom = join(dir, 'utf16.train');
    writeFileSync(noBom, Buffer.from('1 1 1\n0\n1\n', 'utf16le'));
    expect(() => loadDataset(noBom)).toThrow(`${noBom}: holds NUL bytes: UTF-16 text, or not text at all; save it as UTF-8 (or ASCII) text`);
  });

  it('is refused as UTF-16 in big-endian order too (its byte order mark is FE FF)', () => {
    const bigEndian = join(dir, 'utf16be.csv');
    writeFileSync(bigEndian, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a,y\r\n0,1\r\n', 'utf16le').swap16()]));
    expect(() => loadDataset(bigEndian)).toThrow(`${bigEndian}: is UTF-16 text; save it as UTF-8 (or ASCII) text`);
  });
});

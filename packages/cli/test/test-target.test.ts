import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-test-target-');
// The target first, an id last: without --target the id would be the target.
writeFileSync(join(dir, 'train.csv'), 'y,a,b\n0,0,0\n1,0,1\n1,1,0\n0,1,1\n');
writeFileSync(join(dir, 'test.csv'), 'y,a,b\n1,0,1\n0,1,1\n');

describe('--target applies to the --test data too', () => {
  it('reads the test file with the same target column, not its last one', () => {
    const r = rprop(['train', 'train.csv', '--test', 'test.csv', '--target', 'y', '--epochs', '2', '--json', '--backend', 'cpu'], dir);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(json).toMatchObject({ target: ['y'], inputColumns: ['a', 'b'], targetColumns: ['y'] });
    expect(Number.isFinite(json.testMse)).toBe(true);
  });
});

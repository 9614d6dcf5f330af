import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-test-results-');
writeFileSync(join(dir, 'train.csv'), 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
writeFileSync(join(dir, 'test.csv'), 'a,b,y\n0,1,1\n1,1,0\n0.5,0.5,1\n');

describe('--json reports the --test results the summary prints', () => {
  it('testMse and testBitFail, as the text run of the same seed says them', () => {
    const args = ['train', 'train.csv', '--test', 'test.csv', '--epochs', '3', '--backend', 'cpu'];
    const text = rprop(args, dir);
    const json = rprop([...args, '--json'], dir);
    expect(text.status, text.stderr).toBe(0);
    expect(json.status, json.stderr).toBe(0);
    const line = /^test {2}MSE (\S+), bit-fail (\d+)$/m.exec(text.stdout);
    expect(line, text.stdout).not.toBeNull();
    const result = JSON.parse(json.stdout.trim().split('\n').at(-1)!);
    expect(result.test).toBe('test.csv');
    expect(result.testMse.toExponential(4)).toBe(line![1]);
    expect(result.testBitFail).toBe(Number(line![2]));
  });
});

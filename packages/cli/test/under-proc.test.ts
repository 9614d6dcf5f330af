import { describe, expect, it } from 'vitest';
import { isUnderProc } from '../src/output/under-proc.js';

// /proc is a folder, not a prefix: /process-logs or /proceedings is an ordinary place to write.
describe('isUnderProc', () => {
  it.each(['/proc', '/proc/self', '/proc/1/fd/1'])('%s: under /proc', (path) => {
    expect(isUnderProc(path)).toBe(true);
  });

  it.each(['/process-logs', '/procedures/out.svg', '/', '/tmp/proc', '/home/proc/x'])('%s: not under /proc', (path) => {
    expect(isUnderProc(path)).toBe(false);
  });
});

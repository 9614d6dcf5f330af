import { expect } from 'vitest';

/**
 * Asserts how the command failed: exit `status`, and on stderr exactly one line, matching `line`
 * (anchor it to check the whole shape), with no stack trace.
 */
export function expectOneLineError(r: { status: number | null; stderr: string }, status: number, line: RegExp): void {
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(line);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

import { describe, expect, it } from 'vitest';
import { ownDescriptor } from '../src/data/own-descriptor.js';

// Only the paths that name one of the process's own descriptors are read through it: any other socket
// stays "not a file".
describe('ownDescriptor', () => {
  it.each([
    ['/dev/stdin', 0],
    ['/dev/fd/0', 0],
    ['/dev/fd/63', 63],
    ['/proc/self/fd/3', 3],
  ] as const)('%s: %i', (path, fd) => {
    expect(ownDescriptor(path)).toBe(fd);
  });

  it.each(['dev/stdin', '/dev/stdout/x', '/dev/fd/', '/dev/fd/3/x', '/dev/fd/x', '/proc/1/fd/0', '/tmp/dev/fd/3', 'data.csv'])('%s: none', (path) => {
    expect(ownDescriptor(path)).toBeUndefined();
  });
});

/**
 * The file descriptor of this process that `path` names — `/dev/stdin` (0), `/dev/fd/N` or
 * `/proc/self/fd/N` — or undefined for any other path. Such a path to a socket cannot be opened
 * (ENXIO), but its descriptor can be read from directly.
 */
export function ownDescriptor(path: string): number | undefined {
  if (path === '/dev/stdin') return 0;
  const n = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path)?.[1];
  return n === undefined ? undefined : Number(n);
}

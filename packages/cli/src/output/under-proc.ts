/**
 * Whether the real (link-free, absolute) path `real` is /proc or inside it: Linux's process files,
 * where no output can be put. Root passes the access checks there, and only the write fails — after
 * the work — so every destination check asks this first.
 */
export function isUnderProc(real: string): boolean {
  return real === '/proc' || real.startsWith('/proc/');
}

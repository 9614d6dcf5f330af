import { constants } from 'node:os';

/** What ends a command from outside: Ctrl-C, `kill` or a timeout, a closed terminal. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();
let listening = false;

/**
 * Has `cleanup` run should the command be interrupted (SIGINT, SIGTERM, SIGHUP) before the
 * returned function is called; the command then exits with 128 + the signal's number (130 for
 * Ctrl-C), as an interrupted command does. For what must not outlive the command: a temporary file,
 * a terminal without its cursor.
 *
 * From the first call on, the signals are ours, for good. Node then no longer ends the command at
 * once, wherever it is: a signal waits until the running code yields to the event loop, so a file
 * written synchronously is never cut off halfway. And the listeners are never removed: a signal that
 * came while the command was busy, still waiting, would be dropped with them, and Ctrl-C ignored.
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (!listening) {
    listening = true;
    for (const signal of SIGNALS) process.on(signal, interrupted);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

function interrupted(signal: NodeJS.Signals): void {
  // The newest first: what was set up last may stand on what was set up before.
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // The others still run; the command ends as interrupted whatever this one left.
    }
  }
  process.exit(128 + constants.signals[signal]);
}

import { constants } from 'node:os';

/** What ends a command from outside: Ctrl-C, `kill` or a timeout, a closed terminal. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();
let listening = false;

/**
 * Has `cleanup` run should the command be interrupted (SIGINT, SIGTERM, SIGHUP) before the
 * returned function is called; the command then ends by that signal, as it would have without
 * cleanups (a shell reports 128 + its number: 130 for Ctrl-C). For what must not outlive the
 * command: a temporary file, a terminal without its cursor.
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
  // End by the signal itself, not by exit(130): a parent learns the command was interrupted (a Node
  // parent sees `signal: 'SIGINT'`, as without cleanups), and bash stops a loop running the command
  // on Ctrl-C only when it died of SIGINT — an exit with 130 reads as "it handled Ctrl-C", and the
  // loop goes on to the next run. With our listeners gone the signal has its default action again.
  for (const s of SIGNALS) process.removeListener(s, interrupted);
  listening = false;
  process.kill(process.pid, signal);
  // Should it not end the process (delivered late, or blocked), end as a shell would report it.
  process.exit(128 + constants.signals[signal]);
}

#!/usr/bin/env node
// The `rprop` command. A committed shim, so `npm ci` can link the bin before anything is built;
// the command itself is compiled to dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('rprop: not built yet; run `npm run build` in the repository first\n');
  process.exit(2);
}
await import(entry.href);

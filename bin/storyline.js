#!/usr/bin/env node
// Entry point of the `storyline` command: runs the compiled CLI (built by `npm install` via `prepare`).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`storyline: ${error instanceof Error ? error.message : String(error)}`); process.exitCode = 1; },
);

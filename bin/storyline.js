#!/usr/bin/env node
// Entry point of the `storyline` command: runs the compiled CLI (built by `npm install` via `prepare`).
import { main } from '../dist/src/cli/main.js';

let finished = false;
// If the event loop ever empties while a command is still awaiting something, say so and fail
// rather than exit 0 with half the work done.
process.on('exit', () => {
  if (!finished) {
    console.error('storyline: stopped before the command finished (internal error)');
    process.exitCode = 1;
  }
});

main(process.argv.slice(2)).then(
  (code) => { finished = true; process.exitCode = code; },
  (error) => { finished = true; console.error(`storyline: ${error instanceof Error ? error.message : String(error)}`); process.exitCode = 1; },
);

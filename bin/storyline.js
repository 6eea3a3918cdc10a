#!/usr/bin/env node
// Entry point of the `storyline` command: runs the compiled CLI (built by `npm install` via `prepare`).
import { runCli } from '../dist/src/cli/main.js';

runCli(process.argv.slice(2));

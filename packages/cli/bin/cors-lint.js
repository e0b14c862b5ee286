#!/usr/bin/env node
// The executable stays a shim so the compiled CLI is the only code path.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});

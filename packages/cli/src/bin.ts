#!/usr/bin/env node
import { runCli } from './cli.js';

// The exit code is set, not forced: pending output is flushed before the process ends.
process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
import { runCli } from "./cli/main.js";

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
});
process.exitCode = code;

#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import { runCli } from "./cli/main.js";

/** One question on the terminal (papershelf init); the interface is closed again so the process can exit. */
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
  ...(process.stdin.isTTY && !process.env.CI ? { ask } : {}),
});
process.exitCode = code;

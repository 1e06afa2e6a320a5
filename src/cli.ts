#!/usr/bin/env node
import module from "node:module";
import { createInterface } from "node:readline/promises";

// Node >= 22.1 keeps compiled modules on disk between runs, so a CLI start-up skips parsing them again; Node 20
// has no such cache and skips this. It must run before the rest is imported, hence the dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import("./cli/main.js");

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

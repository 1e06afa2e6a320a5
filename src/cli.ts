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

// A reader that stops early (`papershelf lint | head`) closes the pipe. What is left to print has nowhere to
// go and is dropped; the command still finishes its work (fix and intake print before they write) and exits
// with its own code, where the pipe's error used to end it with a stack trace and exit 1 ("findings").
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
  ...(process.stdin.isTTY && !process.env.CI ? { ask } : {}),
});
process.exitCode = code;

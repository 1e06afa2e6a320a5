/**
 * A temporary folder for one test, removed when the test ends (passed or failed). Tests that made their
 * folders with a bare `mkdtemp` left hundreds of site trees behind in the system's temp folder, run after
 * run, which slows every later test and benchmark that creates files there.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/** A fresh folder `<tmp>/<prefix>XXXXXX`; call it inside a test. */
export async function testTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { readTextOrUndefined } from "../../src/records/files.js";

const dir = mkdtempSync(path.join(tmpdir(), "papershelf-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reads a file, says undefined for a missing one, and throws for anything else", async () => {
  writeFileSync(path.join(dir, "a.txt"), "摘要\n");
  expect(await readTextOrUndefined(path.join(dir, "a.txt"))).toBe("摘要\n");
  expect(await readTextOrUndefined(path.join(dir, "missing.txt"))).toBeUndefined();
  await expect(readTextOrUndefined(dir)).rejects.toMatchObject({ code: "EISDIR" });
});

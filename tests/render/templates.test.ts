import { describe, expect, test } from "vitest";
import { renderReadme } from "../../src/render/readme.js";
import {
  compileTemplates,
  readTemplates,
  TEMPLATE_NAMES,
  type TemplateName,
} from "../../src/render/templates.js";
import { loadRecords, readFixture } from "./fixtures.js";

const sources = (overrides: Partial<Record<TemplateName, string>>) =>
  Object.fromEntries(
    TEMPLATE_NAMES.map((name) => [
      name,
      { file: `templates/${name}.md.hbs`, text: overrides[name] ?? "{{title}}" },
    ]),
  ) as Record<TemplateName, { file: string; text: string }>;

describe("templates", () => {
  test("a syntax error names the template and its line", () => {
    const result = compileTemplates(sources({ entry: "**{{title}}**\n{{#if summary}}\nno close\n" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: "templates/entry.md.hbs", line: 4, ruleId: "template" });
    // Handlebars notices the missing {{/if}} at the end of the file.
    expect(result.errors[0]?.message).toBe(
      "template syntax error: Parse error on line 4: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'",
    );
  });

  test("a misspelt field is an error naming the template, not an empty string", async () => {
    const compiled = compileTemplates(
      sources({
        intro: "{{intro}}",
        toc: "{{total}}",
        section: "## {{title}}",
        entry: "- {{url}}\n  **{{titel}}**",
      }),
    );
    if (!compiled.ok) throw new Error("compile");
    const result = renderReadme(
      await readFixture("README.md"),
      "README.md",
      await loadRecords("papers.yaml"),
      compiled.templates,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // At the field's line and column, in words (Handlebars says `"titel" not defined in [object Object] - 2:6`).
    expect(result.errors[0]).toMatchObject({
      file: "templates/entry.md.hbs",
      line: 2,
      column: 7,
      message: '"titel" is not defined: neither a field this template is given nor a helper',
    });
  });

  test("a mustache-style section over a field renders as Handlebars reads it", () => {
    const compiled = compileTemplates(
      sources({
        entry: "{{#repos}}[{{label}}]{{/repos}}{{^repos}}no code{{/repos}} · {{title}}",
      }),
    );
    if (!compiled.ok) throw new Error("compile");
    const render = (view: object) => compiled.templates.entry.render(view);
    expect(render({ title: "T", repos: [{ label: "a" }, { label: "b" }] })).toBe("[a][b] · T");
    expect(render({ title: "U", repos: [] })).toBe("no code · U");
    // Still strict after the switch: a missing field is an error naming the template.
    expect(() => render({ repos: [] })).toThrow(/"title" not defined/);
  });

  test("an unknown helper is reported as Handlebars reports it, not as the fast compile's refusal", () => {
    const compiled = compileTemplates(sources({ entry: "{{shout title}}" }));
    if (!compiled.ok) throw new Error("compile");
    expect(() => compiled.templates.entry.render({ title: "T" })).toThrow(/^"shout" not defined/);
  });

  test("built-in helpers render the same under the fast compile", () => {
    const compiled = compileTemplates(
      sources({ entry: "{{#each xs}}{{this}}{{#unless @last}},{{/unless}}{{/each}}|{{lookup m k}}" }),
    );
    if (!compiled.ok) throw new Error("compile");
    expect(compiled.templates.entry.render({ xs: [1, 2, 3], m: { a: "A" }, k: "a" })).toBe("1,2,3|A");
  });

  test("triple braces print the same escaped value: a template cannot un-escape", async () => {
    const compiled = compileTemplates(
      sources({ intro: "", toc: "", section: "## {{{title}}}", entry: "{{{title}}} / {{title}}" }),
    );
    if (!compiled.ok) throw new Error("compile");
    const data = await loadRecords("hostile.yaml");
    const result = renderReadme(await readFixture("README.md"), "README.md", data, compiled.templates);
    expect(result.ok && result.text).toContain(
      "&lt;!-- papershelf:end entries --&gt; / &lt;!-- papershelf:end entries --&gt;",
    );
  });

  test("a section template without a heading leaves ToC items unlinked, with a warning", async () => {
    const compiled = compileTemplates(
      sources({
        intro: "",
        toc: "{{#each items}}{{anchor}};{{/each}}",
        section: "**{{title}}**",
        entry: "x",
      }),
    );
    if (!compiled.ok) throw new Error("compile");
    const result = renderReadme(
      await readFixture("README.md"),
      "README.md",
      await loadRecords("papers.yaml"),
      compiled.templates,
    );
    if (!result.ok) throw new Error("render");
    expect(result.text).toContain(";;;;;;;;;");
    expect(result.warnings.map((w) => w.ruleId)).toEqual(["readme-anchor"]);
  });

  test("a missing template file is reported with the expected names", async () => {
    const result = await readTemplates("tpl", async (p) => (p.endsWith("toc.md.hbs") ? undefined : "x"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'template not found: tpl/toc.md.hbs (the "templates" folder must hold intro.md.hbs, toc.md.hbs, section.md.hbs, entry.md.hbs)',
    ]);
  });
});

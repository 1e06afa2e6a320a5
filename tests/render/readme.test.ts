import { describe, expect, test } from "vitest";
import { renderReadme, README_ZONES } from "../../src/render/readme.js";
import { parseZones, splitAroundZones } from "../../src/render/zones.js";
import { fragmentLinks, headingIds, renderGfm } from "./gfm.js";
import { loadRecords, loadTemplates, readFixture } from "./fixtures.js";

async function render(recordsFile: string, readme = "README.md") {
  const current = await readFixture(readme);
  const result = renderReadme(current, "README.md", await loadRecords(recordsFile), await loadTemplates());
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return { current, text: result.text, warnings: result.warnings };
}

describe("renderReadme", () => {
  test("every #anchor link resolves to a heading id as GitHub makes them (cmark-gfm + github-slugger)", async () => {
    const { text } = await render("papers.yaml");
    const html = renderGfm(text);
    const ids = new Set(headingIds(html).map((h) => h.id));
    const links = fragmentLinks(html);
    // One per top category in the line of categories (4), one per category in the folded subcategories (9).
    expect(links).toHaveLength(4 + 9);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
  });

  test("hand-written headings before the zones count: the repeated titles get -1, -2 like on GitHub", async () => {
    const { text } = await render("papers.yaml");
    expect(text).toContain("**[Multimodal](#multimodal-1)** (2) · ");
    expect(text).toContain("- [Multimodal](#multimodal-1) (2): ");
    expect(text).toContain(
      "- [Survey Paper](#survey-paper) (3): [Multimodal](#multimodal-2) (1) · [LLM](#llm) (1)",
    );
    expect(text).toContain("- [開源模型](#開源模型) (2): [LLM](#llm-1) (2)");
    // Chinese with brackets and a full-width comma, and a "|" in the title.
    expect(text).toContain("(#協作型multimodal以llm為assistant調用模型或資料)");
    expect(text).toContain("(#科学空间scientific-spaces議題)");
  });

  test("only the bytes between markers change; the marker example in a code block is not a zone", async () => {
    const { current, text } = await render("papers.yaml");
    const before = parseZones(current, "README.md", README_ZONES);
    const after = parseZones(text, "README.md", README_ZONES);
    if (!before.ok || !after.ok) throw new Error("zones");
    expect(after.zones.map((z) => z.name)).toEqual(["intro", "toc", "entries"]);
    expect(text).not.toContain("網站"); // no site zone here, and no site URL: no site line
    expect(splitAroundZones(text, after.zones)).toEqual(splitAroundZones(current, before.zones));
    expect(text).toContain("shown as an example, not a zone");
    expect(text).not.toContain("stale entries");
  });

  test("deterministic: building twice, or building the built file, gives identical bytes", async () => {
    const { text } = await render("papers.yaml");
    const again = renderReadme(text, "README.md", await loadRecords("papers.yaml"), await loadTemplates());
    expect(again.ok && again.text).toBe(text);
    expect((await render("papers.yaml")).text).toBe(text);
  });

  test("an entry shows title link, date or venue, kind, repos, links, image width, extra, 摘要 and note", async () => {
    const { text } = await render("papers.yaml");
    const html = renderGfm(text);
    expect(html).toContain('<a href="https://huggingface.co/papers/2306.15195">Shikra');
    expect(text).toContain("· 2023-06-27 · [arXiv:2306.15195](https://arxiv.org/abs/2306.15195)");
    expect(text).toContain("· arXiv 2023");
    expect(text).toContain("· `dataset`");
    expect(text).toContain("· `resource`");
    expect(text).not.toContain("`paper`");
    expect(text).toContain("[shikras/shikra](https://github.com/shikras/shikra)");
    expect(text).toContain("[microsoft/TaskMatrix](https://github.com/microsoft/visual-chatgpt) (official)");
    expect(text).toContain("[Demo](https://huggingface.co/spaces/microsoft/visual_chatgpt)");
    expect(html).toContain('width="50%"');
    expect(html).toContain('width="640" alt="GLM architecture"');
    expect(html).toContain("<font size=6>$L_{3}");
    expect(html).toMatch(/<table>[\s\S]*<th>Hardware<\/th>/);
    // The 摘要 is Markdown inside <details>: its list and table render, not show as text.
    expect(html).toMatch(/<details><summary>摘要<\/summary>\s*<ul>\s*<li>大型語言模型/);
    expect(html).toMatch(/<td><code>&lt;s&gt;<\/code><\/td>/);
    expect(html).toContain("<blockquote>\n<p>A maintainer's note about Visual ChatGPT.</p>");
  });

  test("an aside shows before its entry, not after it", async () => {
    const { text } = await render("papers.yaml");
    expect(text).toContain(
      "\n\n相信我，上下兩篇Paper有仇\n\n**[A Survey on Multimodal Large Language Models](https://arxiv.org/abs/2306.13549)**",
    );
  });

  test("the list intro fills the intro zone and category intros follow their heading", async () => {
    const { text } = await render("papers.yaml");
    expect(text).toContain(
      "<!-- papershelf:begin intro -->\n\n**A small list** for render tests.\n> Quoted aside.\n\n",
    );
    expect(text).toContain("## Multimodal\n\nModels that read and write more than text.");
  });

  test("a README over 512 KiB gets a warning (GitHub stops rendering there)", async () => {
    const data = await loadRecords("papers.yaml");
    const big = { ...data, list: { intro: "長".repeat(200_000) } };
    const result = renderReadme(await readFixture("README.md"), "README.md", big, await loadTemplates());
    expect(result.ok && result.warnings.map((w) => w.ruleId)).toEqual(["readme-size"]);
  });
});

describe("links that would repeat the title link", () => {
  test("no arXiv or DOI link when the entry's url already is that page", async () => {
    const data = await loadRecords("papers.yaml");
    const entries = data.entries.map((e) =>
      e.id === "shikra"
        ? { ...e, url: "https://arxiv.org/pdf/2306.15195v2.pdf" }
        : e.id === "llm-survey"
          ? { ...e, url: "https://doi.org/10.1145/3490519", doi: "10.1145/3490519" }
          : e.id === "arcface"
            ? { ...e, doi: "10.1109/CVPR.2019.00482" }
            : e,
    );
    const result = renderReadme(
      await readFixture("README.md"),
      "README.md",
      { ...data, entries },
      await loadTemplates(),
    );
    if (!result.ok) throw new Error("render");
    expect(result.text).not.toContain("[arXiv:2306.15195]");
    expect(result.text).not.toContain("[doi:10.1145/3490519]");
    expect(renderGfm(result.text)).toContain(
      '<a href="https://doi.org/10.1109/CVPR.2019.00482">doi:10.1109/CVPR.2019.00482</a>',
    );
  });
});

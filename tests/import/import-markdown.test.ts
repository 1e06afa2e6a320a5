import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatNotice, importMarkdown } from "../../src/import/index.js";
import type { ImportNotice } from "../../src/import/index.js";

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), "utf8");
const brief = (n: ImportNotice) => [n.line, n.severity, n.code];

describe("importMarkdown on a small HackMD list", () => {
  const { data, report } = importMarkdown(fixture("small-list.md"), { file: "small-list.md" });
  const [first, second, dataset, resource] = data.entries;

  it("keeps the list intro and builds the category tree with ids from the ASCII part of titles", () => {
    expect(data.list).toEqual({ intro: "**A small list for the importer's tests.**\n> Intro quote." });
    expect(data.categories).toEqual([
      { id: "vision", title: "Vision", children: [{ id: "segmentation", title: "Segmentation(分割)" }] },
      { id: "category-3", title: "影像模型", intro: "Before the next category." },
      {
        id: "prose-only",
        title: "Prose Only",
        intro:
          "Read [「**The Blog**」](https://blog.example/) and [the other page](https://other.example/p).",
      },
    ]);
  });

  it("reads the heading: title, url, a CJK date; id from the title before its colon", () => {
    expect(first).toMatchObject({
      id: "first-paper",
      title: "First Paper: A Subtitle",
      url: "https://example.org/first",
      kind: "paper",
      category: "segmentation",
      date: "2023-06-27",
    });
  });

  it("places image, repo and link lines, including an image and a repo on one line", () => {
    expect(first?.images).toEqual([
      { url: "https://img.example/a.png", width: "50%" },
      { url: "https://img.example/b.png", width: "80%", alt: "fig" },
    ]);
    expect(first?.repos).toEqual([
      { url: "https://github.com/owner/repo" },
      { url: "https://github.com/owner/other#readme", label: "Owner/Other" },
    ]);
    expect(first?.links).toEqual([{ label: "Demo", url: "https://demo.example/x" }]);
  });

  it("keeps other lines before the summary verbatim as extra, and the summary verbatim", () => {
    expect(first?.extra).toBe("| GPU | Memory |\n| --- | --- |\n| A100 | 40 GB |");
    expect(first?.summary).toBe(
      "Line one of the summary.\n\n* a list\n    | nested | table |\n    | ------ | ----- |\n\n**a bold remark**",
    );
  });

  it("joins a title broken over lines, takes a venue verbatim, the arXiv id from an arxiv.org link, the text before it as its aside", () => {
    expect(second).toMatchObject({
      id: "second-paper",
      title: "Second Paper: Broken",
      url: "https://arxiv.org/abs/2304.03977",
      venue: "CVPR 2023",
      arxiv: "2304.03977",
      aside: "An aside about the next one.",
      summary: "Second summary.",
    });
  });

  it("makes Hugging Face datasets datasets, with an owner-name id; a fenced # is not a heading", () => {
    expect(dataset).toMatchObject({
      id: "some-org-some-data",
      kind: "dataset",
      category: "category-3",
      date: "2023-05",
      summary: "```\n# not a heading\n```",
    });
  });

  it("keeps a prose-only section's prose visible as its intro, and adds one resource for its links", () => {
    expect(resource).toEqual({
      id: "the-blog",
      title: "The Blog",
      url: "https://blog.example/",
      kind: "resource",
      category: "prose-only",
      links: [{ label: "the other page", url: "https://other.example/p" }],
    });
  });

  it("reports every rule it applied, with lines, and no warnings", () => {
    expect(report.map(brief)).toEqual([
      [6, "info", "kind-guessed"],
      [8, "info", "image-size-without-space"],
      [25, "info", "aside-entry"],
      [26, "info", "title-joined"],
      [33, "info", "aside-intro"],
      [45, "info", "prose-resource"],
    ]);
    expect(formatNotice(report[2] as ImportNotice)).toBe(
      'small-list.md:25  info aside-entry  text between entries kept as the aside of "second-paper" (shown before that entry)',
    );
  });
});

describe("importMarkdown never drops text silently", () => {
  const { data, report } = importMarkdown(fixture("unplaced.md"), { file: "unplaced.md" });

  it("warns, with lines, about everything it could not place", () => {
    expect(report.map(brief)).toEqual([
      [1, "warning", "unexpected-heading"],
      [2, "warning", "unplaced-content"],
      [5, "warning", "date-invalid"],
      [5, "info", "kind-guessed"],
      [9, "info", "kind-guessed"],
      [9, "info", "no-date"],
      [9, "warning", "unplaced-content"],
      [13, "warning", "heading-without-link"],
      [18, "warning", "unplaced-content"],
    ]);
    const messages = report.map((n) => n.message).join("\n");
    expect(messages).toContain("lines 13–15 were not imported");
    // Said once: the line range is not repeated after a message that names it.
    const skipped = report.find((n) => n.code === "heading-without-link") as ImportNotice;
    expect(formatNotice(skipped)).toBe(
      'unplaced.md:13  warning heading-without-link  entry heading is not "[title](http…)": lines 13–15 were not imported',
    );
    expect(messages).toContain('"Trailing text with nowhere to go."');
    expect(messages).toContain("text after the heading's link was not placed: [2023] extra words");
  });

  it("never invents a date: an impossible one is kept verbatim as the venue, with a warning", () => {
    expect(data.entries.map((e) => e.id)).toEqual(["good-entry", "other-entry"]);
    expect(data.entries[0]).toMatchObject({ venue: "2023年2月30日", summary: "Fine." });
    expect(data.entries[0]?.date).toBeUndefined();
  });
});

describe("importMarkdown on awesome-style input", () => {
  it("leaves out an awesome list's Contents, Contributing and License sections, and the title's badges", () => {
    const md = [
      "# Awesome Vision [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
      "",
      "## Contents",
      "",
      "- [Detection](#detection)",
      "",
      "## Detection",
      "",
      "- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002) - RetinaNet.",
      "",
      "## Contributing",
      "",
      "Contributions welcome! Read the [contribution guidelines](contributing.md) first.",
      "",
      "## License",
      "",
      "[![CC0](https://licensebuttons.net/p/zero/1.0/88x31.png)](https://creativecommons.org/publicdomain/zero/1.0)",
      "",
    ].join("\n");
    const { data, report } = importMarkdown(md, { file: "list.md" });
    expect(data.list?.title).toBe("Awesome Vision");
    expect(data.categories.map((c) => c.id)).toEqual(["detection"]);
    expect(data.entries.map((e) => e.url)).toEqual(["https://arxiv.org/abs/1708.02002"]);
    expect(report.filter((n) => n.code === "boilerplate-section").map((n) => n.line)).toEqual([3, 11, 15]);
    // A "Contents" with a subsection, or entries of its own, is a topic after all.
    const topic = importMarkdown("## Contents\n\n- [A paper](https://arxiv.org/abs/1706.03762)\n");
    expect(topic.data.categories.map((c) => c.title)).toEqual(["Contents"]);
  });

  it("takes a single leading # heading as the list title when entries sit at ####", () => {
    const md =
      "# Awesome Things\nIntro.\n\n## Tools\n### Editors\n#### [Ed: a text editor](https://ed.example)[2020]\n";
    const { data } = importMarkdown(md);
    expect(data.list).toEqual({ title: "Awesome Things", intro: "Intro." });
    expect(data.categories).toEqual([
      { id: "tools", title: "Tools", children: [{ id: "editors", title: "Editors" }] },
    ]);
    expect(data.entries[0]).toMatchObject({ id: "ed", category: "editors", date: "2020" });
  });

  it("reads `- [Name](url) - description` items as entries, keeps the rest as intro, says what moved", () => {
    const { data, report } = importMarkdown(fixture("awesome-list.md"), { file: "awesome-list.md" });
    expect(data.list).toEqual({ title: "Awesome Papers", intro: "A curated list." });
    // "Contents" is the list's table of anchors, not a category (see the test above).
    expect(data.categories).toEqual([
      {
        id: "vision",
        title: "Vision",
        intro:
          "Papers about seeing.\n\nA plain line between the items.\n\nA closing paragraph after the items.",
        children: [{ id: "datasets", title: "Datasets" }],
      },
    ]);
    expect(data.entries).toEqual([
      {
        id: "seeing-things",
        title: "Seeing Things: A Study",
        url: "https://arxiv.org/abs/2301.00001",
        kind: "paper",
        category: "vision",
        arxiv: "2301.00001",
        summary: "How to see.",
      },
      {
        id: "looking",
        title: "Looking",
        url: "https://example.org/looking",
        kind: "paper",
        category: "vision",
        summary: "Another one,\ncontinued on a second line.\n- a nested note",
      },
      {
        id: "some-code",
        title: "some/code",
        url: "https://github.com/some/code",
        kind: "resource",
        category: "vision",
        summary: "The code of Looking.",
      },
      {
        id: "some-data",
        title: "some/data",
        url: "https://huggingface.co/datasets/some/data",
        kind: "dataset",
        category: "datasets",
      },
    ]);
    expect(report.map(brief)).toEqual([
      [1, "info", "list-title"],
      [5, "info", "boilerplate-section"],
      [13, "info", "list-entries"],
      [14, "info", "kind-guessed"],
      [18, "info", "list-text-moved"],
      [20, "info", "kind-from-url"],
      [22, "info", "list-text-moved"],
      [26, "info", "list-entries"],
    ]);
    const says = (line: number) =>
      report
        .filter((n) => n.line === line)
        .map(formatNotice)
        .join("\n");
    expect(says(18)).toBe(
      'awesome-list.md:18  info list-text-moved  text after the list entries of "Vision" moved into its intro, which the README shows above the entries: "A plain line between the items."',
    );
    expect(says(20)).toBe(
      'awesome-list.md:20  info kind-from-url  "some/code" links to a GitHub repository: kind resource (set kind: paper if it is one)',
    );
    expect(says(14)).toBe(
      'awesome-list.md:14  info kind-guessed  "Looking" read as a paper: nothing in https://example.org/looking says what it is (set kind if it is a dataset, model or resource)',
    );
  });

  it("makes entries of a link list with one item linking elsewhere, keeping that item in the intro and warning", () => {
    const md = [
      "# Awesome",
      "",
      "## Vision",
      "",
      "- [SAM](https://arxiv.org/abs/2304.02643) - Segment anything.",
      "- [Notes](notes.md) - our own notes.",
      "- [DINO](https://github.com/facebookresearch/dino) - Self-supervised.",
      "",
    ].join("\n");
    const { data, report } = importMarkdown(md, { file: "list.md" });
    expect(data.entries.map((e) => [e.id, e.url, e.summary])).toEqual([
      ["sam", "https://arxiv.org/abs/2304.02643", "Segment anything."],
      ["dino", "https://github.com/facebookresearch/dino", "Self-supervised."],
    ]);
    // Nothing lost: the item stays, as written, in the category's intro.
    expect(data.categories[0]?.intro).toBe("- [Notes](notes.md) - our own notes.");
    const warning = report.find((n) => n.severity === "warning");
    expect(warning && formatNotice(warning)).toBe(
      'list.md:6  warning list-item-not-http  a list item under "Vision" links to "notes.md", not an http(s) URL: kept in the category\'s intro, not made an entry (give it the full address to make it one)',
    );
    // A list of mostly local links is not a list of entries at all.
    const prose = importMarkdown(
      "# A\n\n## About\n\n- [Contributing](CONTRIBUTING.md)\n- [License](LICENSE)\n- [Site](https://example.org)\n",
    );
    expect(prose.report.map((n) => n.code)).not.toContain("list-entries");
    expect(prose.report.map((n) => n.code)).not.toContain("list-item-not-http");
    expect(prose.data.categories[0]?.intro).toContain("- [Contributing](CONTRIBUTING.md)");
  });

  it("de-duplicates ids in document order, prefixing a repeated category with its parent", () => {
    const md =
      "# A\n## LLM\n### [Same: x](https://x.example/1)\n# B\n## LLM\n### [Same: y](https://x.example/2)\n";
    const { data } = importMarkdown(md);
    expect(data.categories.map((c) => c.children?.[0]?.id)).toEqual(["llm", "b-llm"]);
    expect(data.entries.map((e) => e.id)).toEqual(["same", "same-2"]);
  });
});

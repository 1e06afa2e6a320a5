import { describe, expect, it } from "vitest";
import { arxivIdFromUrl, readArxivId, readImage, readLinks, readRepos } from "../../src/intake/answers.js";
import { normalizeDate } from "../../src/intake/dates.js";
import { addressName, baseIdFromTitle, slugify, uniqueId } from "../../src/intake/ids.js";
import type { IntakeProblem } from "../../src/intake/problems.js";
import { cleanLine, cleanMarkdown, cleanUrl } from "../../src/intake/text.js";
import { NOW } from "./helpers.js";

const field = { id: "f", label: "欄位 / Field" };
function withProblems<T>(fn: (problems: IntakeProblem[]) => T): { value: T; problems: IntakeProblem[] } {
  const problems: IntakeProblem[] = [];
  return { value: fn(problems), problems };
}

describe("link caps", () => {
  const lines = (n: number, label = "") =>
    Array.from({ length: n }, (_, i) => `${label}https://example.org/${i}`).join("\n");

  it("takes up to 10 repositories and 20 other links; more is one error, whatever the lines hold", () => {
    expect(withProblems((p) => readRepos(field, lines(10), p)).value).toHaveLength(10);
    expect(withProblems((p) => readLinks(field, lines(20, "L | "), p)).value).toHaveLength(20);
    expect(withProblems((p) => readRepos(field, `${lines(11)}\n\n`, p))).toMatchObject({
      value: [],
      problems: [
        {
          severity: "error",
          message: "Lists 11 repositories; at most 10.",
          zh: "列了 11 個程式碼網址，最多 10 個。",
        },
      ],
    });
    expect(withProblems((p) => readLinks(field, lines(21, "not a link "), p))).toMatchObject({
      value: [],
      problems: [
        { severity: "error", message: "Lists 21 links; at most 20.", zh: "列了 21 個連結，最多 20 個。" },
      ],
    });
  });
});

describe("normalizeDate", () => {
  it.each([
    ["2023-06-27", "2023-06-27"],
    ["2023/6/27", "2023-06-27"],
    ["2023.6.7", "2023-06-07"],
    ["2023年6月27日", "2023-06-27"],
    ["2023年8月22", "2023-08-22"],
    ["2023年5月", "2023-05"],
    ["２０２３年５月", "2023-05"],
    ["2023-06", "2023-06"],
    ["2023", "2023"],
    ["June 27, 2023", "2023-06-27"],
    ["27 Jun 2023", "2023-06-27"],
    ["Sep 2023", "2023-09"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeDate(input, NOW)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ["2023-13-01", "there is no month 13"],
    ["2023-02-30", "2023-02 has no day 30"],
    ["1850", "the year 1850 is out of range (1900–2027)"],
    ["3023年1月", "the year 3023 is out of range"],
    ["yesterday", '"yesterday" is not a date I can read'],
    ["CVPR 2023", '"CVPR 2023" is not a date I can read'],
  ])("rejects %s clearly", (input, message) => {
    const result = normalizeDate(input, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it("reads a month name by its first three letters, more leniently than the importer", () => {
    expect(normalizeDate("Febuary 2023", NOW)).toEqual({ ok: true, date: "2023-02" });
    expect(normalizeDate("27 Septem. 2023", NOW)).toEqual({ ok: true, date: "2023-09-27" });
    expect(normalizeDate("Junk 2023", NOW)).toEqual({ ok: true, date: "2023-06" });
  });
});

describe("ids", () => {
  it("names a paper after the part before the colon, else the whole title, cut at a word", () => {
    expect(baseIdFromTitle("Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic", "")).toBe(
      "shikra",
    );
    expect(baseIdFromTitle("Let's Verify Step by Step", "")).toBe("lets-verify-step-by-step");
    expect(baseIdFromTitle("A: short prefix is not a name", "")).toBe("a-short-prefix-is-not-a-name");
    expect(
      baseIdFromTitle(
        "Learning Text-Image Joint Embedding for Efficient Cross-Modal Retrieval with Deep Feature Engineering",
        "",
      ),
    ).toBe("learning-text-image-joint-embedding-for-efficient-cross");
    expect(baseIdFromTitle("Café Über Naïve", "")).toBe("cafe-uber-naive");
  });

  it("falls back to the arXiv id for a title without Latin letters, then to 'entry'", () => {
    expect(baseIdFromTitle("中文標題", "arxiv-2306.15195")).toBe("arxiv-2306-15195");
    expect(baseIdFromTitle("中文標題", "")).toBe("entry");
    // Without an arXiv id, the address names it: a repository, else the site and the last part of the path.
    expect(baseIdFromTitle("大型語言模型綜述", addressName("https://github.com/THUDM/ChatGLM-6B"))).toBe(
      "chatglm-6b",
    );
    expect(baseIdFromTitle("🚀🔥", addressName("https://huggingface.co/datasets/BAAI/COIG"))).toBe(
      "huggingface-co-coig",
    );
    expect(baseIdFromTitle("中文", addressName("https://www.example.org/"))).toBe("example-org");
    expect(slugify("  --  ")).toBe("");
  });

  it("de-duplicates against existing ids", () => {
    expect(uniqueId("shikra", new Set(["shikra", "shikra-2"]))).toBe("shikra-3");
    expect(uniqueId("new", new Set(["shikra"]))).toBe("new");
  });
});

describe("arXiv ids", () => {
  it("reads ids typed or linked", () => {
    expect(arxivIdFromUrl("https://arxiv.org/abs/2306.15195v2")).toBe("2306.15195v2");
    expect(arxivIdFromUrl("https://arxiv.org/pdf/2306.15195.pdf")).toBe("2306.15195");
    expect(arxivIdFromUrl("https://arxiv.org/abs/hep-th/9901001")).toBe("hep-th/9901001");
    expect(arxivIdFromUrl("https://example.org/abs/2306.15195")).toBeUndefined();
    expect(withProblems((p) => readArxivId(field, "arXiv:2306.15195", p)).value).toBe("2306.15195");
    expect(withProblems((p) => readArxivId(field, "", p)).value).toBeUndefined();
    const bad = withProblems((p) => readArxivId(field, "2306", p));
    expect(bad.value).toBeNull();
    expect(bad.problems[0]).toMatchObject({
      message: '"2306" is not an arXiv id.',
      zh: '"2306" 不是 arXiv 編號。',
      hint: "Write it like 2306.15195 (or leave it empty).",
      hintZh: "請寫成 2306.15195 這樣（或留空）。",
    });
  });
});

describe("repositories and links", () => {
  it("reads bare URLs, 'label | URL', Markdown links and bullets, one per line", () => {
    const text =
      "https://github.com/a/b\n- Port | https://github.com/c/d\n\n* [Mirror](https://gitlab.com/e/f)\n";
    expect(withProblems((p) => readRepos(field, text, p))).toEqual({
      value: [
        { url: "https://github.com/a/b" },
        { label: "Port", url: "https://github.com/c/d" },
        { label: "Mirror", url: "https://gitlab.com/e/f" },
      ],
      problems: [],
    });
  });

  it("requires a label for other links and names the line of each problem", () => {
    const result = withProblems((p) =>
      readLinks(field, "Demo | https://x.org\nhttps://y.org\nDocs | ftp://z", p),
    );
    expect(result.value).toEqual([{ label: "Demo", url: "https://x.org" }]);
    expect(result.problems.map((p) => p.message)).toEqual([
      "Line 2 has no label.",
      'The URL on line 3 "ftp://z" is not an http(s) URL.',
    ]);
    expect(result.problems.map((p) => p.zh)).toEqual([
      "第 2 行沒有標籤。",
      '第 3 行的網址 "ftp://z" 不是 http(s) 網址。',
    ]);
  });

  it("lists a repeated URL once, with a warning", () => {
    const result = withProblems((p) => readRepos(field, "https://github.com/a/b\nhttps://github.com/a/b", p));
    expect(result.value).toHaveLength(1);
    expect(result.problems).toMatchObject([{ severity: "warning" }]);
  });
});

describe("readImage", () => {
  it.each([
    ["https://x.org/a.png", { url: "https://x.org/a.png" }],
    ["https://x.org/a.png 50%", { url: "https://x.org/a.png", width: "50%" }],
    ["https://x.org/a.png 640", { url: "https://x.org/a.png", width: 640 }],
    ["https://x.org/a.png =80%x", { url: "https://x.org/a.png", width: "80%" }],
    ["https://x.org/a.png=80%x", { url: "https://x.org/a.png", width: "80%" }],
    ["https://x.org/a.png?w=80", { url: "https://x.org/a.png?w=80" }],
    // What GitHub inserts when an image is dropped into the field, in an issue or while editing one.
    [
      "![image](https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab)",
      { url: "https://github.com/user-attachments/assets/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab" },
    ],
    ['![Screenshot 2026-12-01](https://x.org/a.png "fig")', { url: "https://x.org/a.png" }],
    [
      '<img width="640" alt="Screenshot" src="https://github.com/user-attachments/assets/0b1c">',
      { url: "https://github.com/user-attachments/assets/0b1c", width: 640 },
    ],
    ["<img src=https://x.org/a.png width=50%>", { url: "https://x.org/a.png", width: "50%" }],
  ])("reads %s", (input, expected) => {
    expect(withProblems((p) => readImage(field, input, p))).toEqual({ value: expected, problems: [] });
  });

  it("rejects a width out of range and text after the URL", () => {
    const twice = withProblems((p) =>
      readRepos(field, "https://github.com/dvlab-research/LISA\nhttps://github.com/dvlab-research/lisa/", p),
    );
    expect(twice.value).toEqual([{ url: "https://github.com/dvlab-research/LISA" }]);
    expect(twice.problems[0]?.message).toContain("Line 2 repeats");
    const wide = withProblems((p) => readImage(field, "https://x.org/a.png 150%", p));
    expect(wide.value).toBeNull();
    expect(wide.problems[0]?.message).toBe('The width "150%" is out of range.');
    expect(
      withProblems((p) => readImage(field, "https://x.org/a.png big", p)).problems[0]?.message,
    ).toContain('is not "URL" or "URL width"');
  });
});

describe("text hygiene", () => {
  it("rejects bidi controls everywhere, naming the code point and position", () => {
    const line = withProblems((p) => cleanLine(field, "abc\u202Edef", p));
    expect(line.value).toBeUndefined();
    expect(line.problems[0]?.message).toBe(
      "Contains an invisible text-direction control (U+202E) at character 4.",
    );
    expect(withProblems((p) => cleanMarkdown(field, "摘要\u2067x\u2069", p)).value).toBeUndefined();
  });

  it("strips zero-width characters from one-line fields with a warning, keeps them in Markdown", () => {
    const line = withProblems((p) => cleanLine(field, " Sh\u200Bikra\uFEFF  Magic ", p));
    expect(line.value).toBe("Shikra Magic");
    expect(line.problems).toMatchObject([{ severity: "warning" }]);
    expect(withProblems((p) => cleanMarkdown(field, "👩\u200D💻", p)).value).toBe("👩\u200D💻");
    // Unicode's line and paragraph separators become the breaks they stand for.
    expect(withProblems((p) => cleanMarkdown(field, "a\u2028b\u2029c", p)).value).toBe("a\nb\n\nc");
  });

  it("keeps, in one-line fields too, a joiner that builds an emoji or shapes a Persian or Indic word", () => {
    for (const title of [
      "👨\u200D👩\u200D👧 Family paper",
      "🏳️\u200D🌈 flags",
      "می\u200Cخواهم paper",
      "क्\u200Dष",
    ]) {
      const line = withProblems((p) => cleanLine(field, title, p));
      expect(line.value).toBe(title);
      expect(line.problems).toEqual([]);
    }
    // Between Latin letters, or after a space, it is pasted noise as before.
    expect(withProblems((p) => cleanLine(field, "Sh\u200Dikra \u200C x", p)).value).toBe("Shikra x");
  });

  it("refuses several lines in a one-line field and control characters", () => {
    expect(withProblems((p) => cleanLine(field, "x\n- id: evil", p)).problems[0]?.message).toBe(
      "Should be one line, but has several.",
    );
    expect(withProblems((p) => cleanLine(field, "a\u0007b", p)).problems[0]?.message).toContain("U+0007");
  });

  it("accepts only plain http(s) URLs", () => {
    for (const bad of [
      "javascript:alert(1)",
      "https://x.org/\u200B",
      "https://x.org/<script>",
      "https://",
      "x.org",
    ])
      expect(withProblems((p) => cleanUrl(field, bad, p)).value, bad).toBeUndefined();
    expect(withProblems((p) => cleanUrl(field, " https://x.org/a_(b) ", p)).value).toBe(
      "https://x.org/a_(b)",
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparableText,
  comparableTextHash,
  fnv1a,
  normalizeArxivId,
  normalizeDoi,
  normalizeTitle,
  normalizeUrl,
} from "../../src/lint/normalize.js";
import { splitSentences } from "../../src/lint/sentences.js";
import { judgeImageUrl } from "../../src/lint/urls.js";
import { isPublicUrl } from "../../src/urls/index.js";
import { markdownUrls } from "../../src/lint/walk.js";

describe("normalizeUrl", () => {
  it.each([
    ["https://arxiv.org/abs/2306.15195", "arxiv:2306.15195"],
    ["http://arxiv.org/abs/2306.15195v3", "arxiv:2306.15195"],
    ["https://arxiv.org/pdf/2306.15195.pdf", "arxiv:2306.15195"],
    ["https://arxiv.org/pdf/2306.15195v1", "arxiv:2306.15195"],
    ["https://arxiv.org/html/2306.15195v2/", "arxiv:2306.15195"],
    ["https://export.arxiv.org/abs/hep-th/9901001v2", "arxiv:hep-th/9901001"],
    ["https://huggingface.co/papers/2306.15195", "arxiv:2306.15195"],
    ["https://hf.co/papers/2306.15195", "arxiv:2306.15195"],
    ["https://doi.org/10.48550/arXiv.2306.15195", "arxiv:2306.15195"],
    ["https://doi.org/10.1145/3490519", "doi:10.1145/3490519"],
    ["http://dx.doi.org/10.1145/ABC.3490519", "doi:10.1145/abc.3490519"],
    [
      "https://paperswithcode.com/paper/let-s-verify-step-by-step-1/review/",
      "pwc:let-s-verify-step-by-step-1",
    ],
    ["https://GitHub.com/Microsoft/JARVIS/", "github.com/microsoft/jarvis"],
    ["https://example.org:443/a/?utm_medium=x&b=2&a=1#top", "example.org/a?a=1&b=2"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it("keeps path case outside GitHub and different pages apart", () => {
    expect(normalizeUrl("https://example.org/Paper")).not.toBe(normalizeUrl("https://example.org/paper"));
    expect(normalizeUrl("https://example.org/a?id=1")).not.toBe(normalizeUrl("https://example.org/a?id=2"));
  });

  it("is unchanged by scheme, www., host case, trailing slash, fragment and tracking noise", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("http", "https"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", "#section", "?utm_source=x", "?fbclid=1&utm_campaign=y"),
        (parts, scheme, www, slash, noise) => {
          const plain = `https://example.org/${parts.join("/")}`;
          const noisy = `${scheme}://${www ? "WWW." : ""}Example.ORG/${parts.join("/")}${slash ? "/" : ""}${noise}`;
          expect(normalizeUrl(noisy)).toBe(normalizeUrl(plain));
        },
      ),
    );
  });

  it("returns undefined for text that is not an http(s) URL", () => {
    expect(normalizeUrl("javascript:alert(1)")).toBeUndefined();
    expect(normalizeUrl("not a url")).toBeUndefined();
  });
});

describe("ids and titles", () => {
  it("drops arXiv versions and reads DOIs without case or resolver", () => {
    expect(normalizeArxivId("arXiv:2306.15195v2")).toBe("2306.15195");
    expect(normalizeArxivId("2306")).toBeUndefined();
    expect(normalizeDoi("doi:10.1007/S11263-023-01834-X")).toBe("10.1007/s11263-023-01834-x");
    expect(normalizeDoi("https://doi.org/10.1145%2F3490519")).toBe("10.1145/3490519");
  });

  it("compares titles without case, width, punctuation or spacing", () => {
    expect(normalizeTitle("ＬＬＭ．ｉｎｔ８（）： 8-bit  Matrix Multiplication")).toBe(
      normalizeTitle("LLM.int8(): 8-bit Matrix Multiplication"),
    );
    expect(normalizeTitle("「多模態」大語言模型，綜述！")).toBe("多模態大語言模型綜述");
    expect(normalizeTitle("Segment Anything")).not.toBe(normalizeTitle("Fast Segment Anything"));
  });
});

describe("splitSentences", () => {
  it("splits Chinese and English sentences with their offsets", () => {
    const text = "第一句。Second one! 第三句？ Fourth.";
    expect(splitSentences(text).map((s) => [s.text, text.slice(...s.range)])).toEqual([
      ["第一句。", "第一句。"],
      ["Second one!", "Second one!"],
      ["第三句？", "第三句？"],
      ["Fourth.", "Fourth."],
    ]);
  });

  it("keeps URLs and decimals whole", () => {
    expect(
      splitSentences("代碼在 https://github.com/tsb0601/EMP-SSL 中。達到 1.5B 參數。").map((s) => s.text),
    ).toEqual(["代碼在 https://github.com/tsb0601/EMP-SSL 中。", "達到 1.5B 參數。"]);
  });

  it("skips table rows and fenced code, and strips list markers from the compared form", () => {
    const text =
      "* Dataset\tToken Count\n| Dataset | Token Count |\n```\nx = 1\n```\n- 第二項很長的句子在這裡。";
    expect(splitSentences(text).map((s) => s.key)).toEqual(["datasettokencount", "第二項很長的句子在這裡"]);
  });
});

describe("URL helpers", () => {
  it.each([
    ["http://localhost:3000/", true],
    ["http://127.0.0.2/", true],
    ["http://10.1.2.3/", true],
    ["http://172.20.0.1/", true],
    ["http://172.32.0.1/", false],
    ["http://192.168.0.10/", true],
    ["http://169.254.169.254/latest", true],
    ["http://[::1]/", true],
    ["http://[fd00::1]/", true],
    ["http://printer.local/", true],
    ["https://arxiv.org/", false],
  ])("local or private (%s) = %s", (raw, expected) => {
    expect(!isPublicUrl(new URL(raw))).toBe(expected);
  });

  it.each([
    ["https://github.com/a/b/blob/main/x.png?raw=true", true],
    ["https://github.com/a/b/raw/main/x.gif", true],
    ["https://raw.githubusercontent.com/a/b/main/x.JPG", true],
    ["https://camo.githubusercontent.com/abc/def", true],
    ["https://github.com/user-attachments/assets/0f9e4d6c", true],
    ["https://github.com/a/b/blob/main/x.png", false],
    ["https://hackmd.io/_uploads/x.png=80%x", false],
    ["https://example.org/figure", false],
  ])("judgeImageUrl(%s).ok = %s", (raw, ok) => {
    expect(judgeImageUrl(new URL(raw)).ok).toBe(ok);
  });

  it("finds link, image, autolink and bare URLs with their offsets", () => {
    const text =
      "See [a](https://a.example/x) and ![b](https://b.example/y.png), <mailto:m@example.org>, https://c.example/z.";
    expect(markdownUrls(text).map((u) => [u.url, text.slice(...u.range), u.image])).toEqual([
      ["https://a.example/x", "https://a.example/x", false],
      ["https://b.example/y.png", "https://b.example/y.png", true],
      ["mailto:m@example.org", "mailto:m@example.org", false],
      ["https://c.example/z", "https://c.example/z", false],
    ]);
  });
});

describe("comparableTextHash", () => {
  // ASCII-heavy strings with the punctuation, spaces and cases the fast path handles itself, and some
  // full-width, CJK and combining characters that send it to comparableText.
  const titleLike = fc
    .array(
      fc.oneof(
        fc.constantFrom(" ", "\t", "-", ":", "!", "/", "@", "[", "`", "{", "~", "_", "\u0000", "\u007f"),
        fc.constantFrom("A", "z", "0", "9", "LLM", "Survey", "Ｌ", "模型", "é", "e\u0301", "\u00a0"),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(""));

  it("is the FNV-1a of comparableText, or undefined when that is shorter than asked", () => {
    fc.assert(
      fc.property(titleLike, fc.integer({ min: 0, max: 10 }), (title, min) => {
        const key = comparableText(title);
        expect(comparableTextHash(title, min)).toBe(key.length >= min ? fnv1a(key) : undefined);
      }),
      { numRuns: 2_000 },
    );
  });
});

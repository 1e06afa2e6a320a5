/**
 * Fixtures per rule: tests/fixtures/lint/<rule>/ok-*.yml lint clean (all rules), not-ok-*.yml give exactly
 * these findings of that rule. Fixtures named *-seed-* are records copied verbatim from the migrated seed.
 */
import { describe, expect, it } from "vitest";
import { normalizeTitle } from "../../src/lint/normalize.js";
import { TitleIndex } from "../../src/lint/rules/duplicate-entry.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURES, lintFixture, lintFixtureFor, lintText } from "./helpers.js";

describe("date", () => {
  it("ok-dates.yml: no findings at all", () => {
    expect(lintFixture("date/ok-dates.yml")).toEqual([]);
  });
  it("not-ok-dates.yml", () => {
    expect(lintFixtureFor("date", "date/not-ok-dates.yml")).toEqual([
      { ruleId: "date", line: 10, message: "date 2023-02-30 is not a calendar day: 2023-02 has 28 days" },
      { ruleId: "date", line: 16, message: "date 2023-02-29 is not a calendar day: 2023-02 has 28 days" },
      {
        ruleId: "date",
        line: 22,
        message:
          "date 2026-04 is in the future (today is 2026-03-15 UTC, a day more allowed for time zones ahead of UTC); expected a past date",
      },
      {
        ruleId: "date",
        line: 28,
        message: "date 1023-05-01 is implausibly old; expected a year from 1900 on",
      },
      {
        ruleId: "date",
        line: 35,
        message:
          "added 2026-03-17 is in the future (today is 2026-03-15 UTC, a day more allowed for time zones ahead of UTC); expected a past date",
      },
    ]);
  });
});

describe("date-arxiv-mismatch", () => {
  it("ok-agrees.yml: no findings at all", () => {
    expect(lintFixture("date-arxiv-mismatch/ok-agrees.yml")).toEqual([]);
  });
  it("not-ok-mismatch.yml", () => {
    expect(lintFixtureFor("date-arxiv-mismatch", "date-arxiv-mismatch/not-ok-mismatch.yml")).toEqual([
      {
        ruleId: "date-arxiv-mismatch",
        line: 10,
        message:
          "date 2023-05-27 disagrees with arXiv 2306.15195, first submitted 2023-06; expected a date in that month (or a venue date after it)",
      },
      {
        ruleId: "date-arxiv-mismatch",
        line: 17,
        message:
          "date 2022 disagrees with arXiv 2302.14045, first submitted 2023-02; expected a date in that month (or a venue date after it)",
      },
    ]);
  });
});

describe("duplicate-entry", () => {
  it("tells titles apart by their text when their hashes collide, and finds the first of each", () => {
    const titles = [
      "Segment Anything",
      "Fast Segment Anything",
      "segment-anything!",
      "GPT-4",
      "Fast segment anything",
      "GPT 4",
    ];
    // Every title hashes alike: only the key strings can tell them apart.
    const index = new TitleIndex(
      (i) => titles[i] ?? "",
      (title, min) => (normalizeTitle(title).length >= min ? 7 : undefined),
    );
    expect(titles.map((_, i) => index.add(i))).toEqual([undefined, undefined, 0, undefined, 1, undefined]);
  });

  it("ok-distinct.yml: no findings at all", () => {
    expect(lintFixture("duplicate-entry/ok-distinct.yml")).toEqual([]);
  });

  it("knows an entry by the addresses it had before (previous-urls), wherever the other one stands", () => {
    const shikra = `  - id: shikra
    title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
    url: https://arxiv.org/abs/2306.15195
    previous-urls:
      - https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s
    kind: paper
    category: llm
    date: 2023-06-27
`;
    const submitted = `  - id: something-else
    title: Something else entirely
    url: https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s/
    kind: paper
    category: llm
    date: 2023-06-27
`;
    const list = (...entries: string[]) =>
      `categories:\n  - id: llm\n    title: LLM\nentries:\n${entries.join("")}`;
    const found = (text: string) =>
      lintText(text)
        .filter((d) => d.ruleId === "duplicate-entry")
        .map((d) => d.message);
    expect(found(list(shikra, submitted))).toEqual([
      'entry "something-else" looks like a duplicate of entry "shikra": both have the URL paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s; expected each work listed once',
    ]);
    expect(found(list(submitted, shikra))).toEqual([
      'entry "shikra" looks like a duplicate of entry "something-else": both have the URL paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s; expected each work listed once',
    ]);
  });
  it("not-ok-ids-and-titles.yml", () => {
    expect(lintFixtureFor("duplicate-entry", "duplicate-entry/not-ok-ids-and-titles.yml")).toEqual([
      {
        ruleId: "duplicate-entry",
        line: 14,
        message:
          'entry "kosmos-1-arxiv" looks like a duplicate of entry "kosmos-1": both have arXiv 2302.14045; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 19,
        message:
          'entry "kosmos-1-fullwidth" looks like a duplicate of entry "kosmos-1": both have the same title; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 37,
        message:
          'entry "seje-upper" looks like a duplicate of entry "seje": both have DOI 10.1007/s11263-023-01834-x; expected each work listed once',
      },
    ]);
  });
  it("not-ok-url-forms.yml", () => {
    expect(lintFixtureFor("duplicate-entry", "duplicate-entry/not-ok-url-forms.yml")).toEqual([
      {
        ruleId: "duplicate-entry",
        line: 13,
        message:
          'entry "shikra-pdf" looks like a duplicate of entry "shikra": both have arXiv 2306.15195; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 19,
        message:
          'entry "shikra-hf" looks like a duplicate of entry "shikra": both have arXiv 2306.15195; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 31,
        message:
          'entry "data-copilot-2" looks like a duplicate of entry "data-copilot": both have the URL paperswithcode.com/paper/data-copilot-bridging-billions-of-data-and; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 43,
        message:
          'entry "seje-dx" looks like a duplicate of entry "seje-doi": both have DOI 10.1145/3490519; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 55,
        message:
          'entry "mm-cot-2" looks like a duplicate of entry "mm-cot": both have the URL github.com/amazon-science/mm-cot; expected each work listed once',
      },
      {
        ruleId: "duplicate-entry",
        line: 67,
        message:
          'entry "project-page-again" looks like a duplicate of entry "project-page": both have the URL example.org/projects/shikra?lang=en; expected each work listed once',
      },
    ]);
  });
});

describe("empty-category", () => {
  it("ok-used.yml: no findings at all", () => {
    expect(lintFixture("empty-category/ok-used.yml")).toEqual([]);
  });
  it("not-ok-empty.yml", () => {
    expect(lintFixtureFor("empty-category", "empty-category/not-ok-empty.yml")).toEqual([
      {
        ruleId: "empty-category",
        line: 4,
        message:
          'category "rl" ("RL(Reinforcement Learning)") has no entries; expected at least one entry, an intro, or the category removed',
      },
      {
        ruleId: "empty-category",
        line: 16,
        message:
          'category "video-to-text" ("Video-to-text") has no entries; expected at least one entry, an intro, or the category removed',
      },
    ]);
  });
});

describe("image-url", () => {
  it("ok-images.yml: no findings at all", () => {
    expect(lintFixture("image-url/ok-images.yml")).toEqual([]);
  });
  it("not-ok-images.yml", () => {
    expect(lintFixtureFor("image-url", "image-url/not-ok-images.yml")).toEqual([
      {
        ruleId: "image-url",
        line: 12,
        message:
          'images[0].url "https://github.com/XingangPan/DragGAN/blob/main/DragGAN.gif" is a GitHub page that shows the image, not the image; expected the same URL with ?raw=true, or /raw/ instead of /blob/',
      },
      {
        ruleId: "image-url",
        line: 13,
        message:
          'images[1].url "https://hackmd.io/_uploads/rJlCkNCoh.png=80%x" ends with a HackMD size suffix (=80%x); expected the suffix removed and the size in width: 80%',
      },
      {
        ruleId: "image-url",
        line: 14,
        message:
          'images[2].url "https://github.com/XingangPan/DragGAN" does not look like an image (no .png, .jpg, .gif, .svg or .webp name, not an image host); expected a direct link to the image file',
      },
      {
        ruleId: "image-url",
        line: 16,
        message:
          'an image in summary "https://example.org/paper/overview" does not look like an image (no .png, .jpg, .gif, .svg or .webp name, not an image host); expected a direct link to the image file',
      },
    ]);
  });
});

describe("markdown-structure", () => {
  it("ok-markdown.yml: no findings at all", () => {
    expect(lintFixture("markdown-structure/ok-markdown.yml")).toEqual([]);
  });
  it("not-ok-markdown.yml", () => {
    expect(lintFixtureFor("markdown-structure", "markdown-structure/not-ok-markdown.yml")).toEqual([
      {
        ruleId: "markdown-structure",
        line: 12,
        message:
          "extra: these lines look like a table but GitHub renders them as text; expected a header row, a delimiter row like | --- | --- | with the same number of cells, then the rows",
      },
      {
        ruleId: "markdown-structure",
        line: 17,
        message:
          "extra: table row has 3 cells but the header has 2; GitHub drops the extra cells; expected 2",
      },
      {
        ruleId: "markdown-structure",
        line: 19,
        message:
          'summary: heading "## Results" (level 2) would break the README\'s structure, where entries sit under category headings; expected **bold** text instead',
      },
      {
        ruleId: "markdown-structure",
        line: 20,
        message:
          'summary: the line of - under "GLM-130B runs on 8 * RTX 3090." makes it a level-2 heading, which would break the README\'s structure; expected a blank line before the rule, or bold text',
      },
      {
        ruleId: "markdown-structure",
        line: 24,
        message:
          "note: code fence ``` is never closed, so everything after it renders as code; expected a closing ``` line",
      },
    ]);
  });
});

describe("markdown-syntax", () => {
  it("ok-links.yml: no findings at all", () => {
    expect(lintFixture("markdown-syntax/ok-links.yml")).toEqual([]);
  });
  it("not-ok-links.yml", () => {
    expect(lintFixtureFor("markdown-syntax", "markdown-syntax/not-ok-links.yml")).toEqual([
      {
        ruleId: "markdown-syntax",
        line: 12,
        message:
          "summary: Unexpected empty link URL referencing the current document, expected URL (remark-lint no-empty-url)",
      },
      {
        ruleId: "markdown-syntax",
        line: 12,
        message:
          "summary: Unexpected reference to undefined definition, expected corresponding definition (`cls`) for a link or escaped opening bracket (`\\[`) for regular text (remark-lint no-undefined-references)",
      },
      {
        ruleId: "markdown-syntax",
        line: 13,
        message:
          "summary: Unexpected `)[`, expected `[` and `]` around the text (label) and `(` and `)` around the URL for images and links, or an escape (`)\\[`) (remark-lint correct-media-syntax)",
      },
      {
        ruleId: "markdown-syntax",
        line: 13,
        message:
          "summary: Unexpected reference to undefined definition, expected corresponding definition (`x`) for a link or escaped opening bracket (`\\[`) for regular text (remark-lint no-undefined-references)",
      },
    ]);
  });
});

describe("repeated-sentence", () => {
  it("ok-distinct-sentences.yml: no findings at all", () => {
    expect(lintFixture("repeated-sentence/ok-distinct-sentences.yml")).toEqual([]);
  });
  it("not-ok-english-and-note.yml", () => {
    expect(lintFixtureFor("repeated-sentence", "repeated-sentence/not-ok-english-and-note.yml")).toEqual([
      {
        ruleId: "repeated-sentence",
        line: 13,
        message:
          'summary repeats a sentence twice ("Experiments show that our method beats …"); expected each sentence once',
      },
      {
        ruleId: "repeated-sentence",
        line: 14,
        message:
          'note repeats a sentence twice ("備註：這篇論文的方法很值得一讀。"); expected each sentence once',
      },
    ]);
  });
  it("not-ok-seed-seje-emp-ssl.yml", () => {
    expect(lintFixtureFor("repeated-sentence", "repeated-sentence/not-ok-seed-seje-emp-ssl.yml")).toEqual([
      {
        ruleId: "repeated-sentence",
        line: 19,
        message:
          'summary repeats a sentence 3 times ("大量實驗表明，我們採用深度特徵工程的 SEJE 方法明顯優於最先進的方法。"); expected each sentence once',
      },
      {
        ruleId: "repeated-sentence",
        line: 19,
        message:
          'summary repeats a sentence twice ("還考慮基於類別的對齊損失和基於鑑別器的對齊損失。"); expected each sentence once',
      },
      {
        ruleId: "repeated-sentence",
        line: 31,
        message:
          'summary repeats a sentence twice ("此外，我們還發現，與基線 SSL 方法相比，EMP-SSL 對域外數據集的可轉…"); expected each sentence once',
      },
    ]);
  });
});

describe("repo-label-mismatch", () => {
  it("ok-labels.yml: no findings at all", () => {
    expect(lintFixture("repo-label-mismatch/ok-labels.yml")).toEqual([]);
  });
  it("not-ok-other-repo.yml", () => {
    expect(lintFixtureFor("repo-label-mismatch", "repo-label-mismatch/not-ok-other-repo.yml")).toEqual([
      {
        ruleId: "repo-label-mismatch",
        line: 15,
        message:
          'repository label "opengvlab/DragGAN" names a different repository than its URL (opengvlab/interngpt); expected the label to match the URL, or the URL of opengvlab/DragGAN',
      },
    ]);
  });
  it("not-ok-seed-taskmatrix.yml", () => {
    expect(lintFixtureFor("repo-label-mismatch", "repo-label-mismatch/not-ok-seed-taskmatrix.yml")).toEqual([
      {
        ruleId: "repo-label-mismatch",
        line: 15,
        message:
          'repository label "microsoft/TaskMatrix" names a different repository than its URL (microsoft/visual-chatgpt); expected the label to match the URL, or the URL of microsoft/TaskMatrix',
      },
    ]);
  });
});

describe("repo-malformed", () => {
  it("ok-repos.yml: no findings at all", () => {
    expect(lintFixture("repo-malformed/ok-repos.yml")).toEqual([]);
  });
  it("not-ok-repos.yml", () => {
    expect(lintFixtureFor("repo-malformed", "repo-malformed/not-ok-repos.yml")).toEqual([
      {
        ruleId: "repo-malformed",
        line: 12,
        message:
          "repository URL https://github.com/cvg names no repository; expected https://github.com/<owner>/<name>",
      },
      {
        ruleId: "repo-malformed",
        line: 13,
        message:
          'repository URL https://github.com/-cvg-/lightglue has owner "-cvg-", which GitHub does not allow (letters, digits, single hyphens, ≤39)',
      },
      {
        ruleId: "repo-malformed",
        line: 14,
        message:
          "repository URL https://github.com/orgs/cvg points at GitHub's /orgs pages, not a repository",
      },
    ]);
  });
});

describe("required-fields", () => {
  it("ok-date-or-venue.yml: no findings at all", () => {
    expect(lintFixture("required-fields/ok-date-or-venue.yml")).toEqual([]);
  });
  it("not-ok-paper-without-date.yml", () => {
    expect(lintFixtureFor("required-fields", "required-fields/not-ok-paper-without-date.yml")).toEqual([
      {
        ruleId: "required-fields",
        line: 11,
        // An arXiv paper: the message names the command that fills the date.
        message:
          'paper "glm-130b" has no date and no venue; expected one of "date" or "venue" ("papershelf enrich" fills the date from arXiv)',
      },
    ]);
    // A paper elsewhere gets no such hint.
    const text = readFileSync(
      path.join(FIXTURES, "required-fields/not-ok-paper-without-date.yml"),
      "utf8",
    ).replace("https://arxiv.org/abs/2210.02414", "https://example.org/glm");
    expect(lintText(text).find((d) => d.ruleId === "required-fields")?.message).toBe(
      'paper "glm-130b" has no date and no venue; expected one of "date" or "venue"',
    );
  });
});

describe("text-hygiene", () => {
  it("ok-clean.yml: no findings at all", () => {
    expect(lintFixture("text-hygiene/ok-clean.yml")).toEqual([]);
  });
  it("not-ok-invisible-and-spaces.yml", () => {
    expect(lintFixtureFor("text-hygiene", "text-hygiene/not-ok-invisible-and-spaces.yml")).toEqual([
      {
        ruleId: "text-hygiene",
        line: 3,
        message: 'title of category "llm" "LLM " has trailing space; expected none',
      },
      {
        ruleId: "text-hygiene",
        line: 6,
        message:
          'title "Baize: An Open-Source Chat Model with Parameter-Efficient T…" has trailing space; expected none',
      },
      { ruleId: "text-hygiene", line: 11, message: 'venue " arXiv 2023" has leading space; expected none' },
      {
        ruleId: "text-hygiene",
        line: 12,
        message: "summary contains U+200B ZERO WIDTH SPACE at character 5; expected visible text only",
      },
      {
        ruleId: "text-hygiene",
        line: 12,
        message: "summary contains U+202E RIGHT-TO-LEFT OVERRIDE at character 16; expected visible text only",
      },
      {
        ruleId: "text-hygiene",
        line: 15,
        message: 'repos[0].label "project-baize/baize-chatbot " has trailing space; expected none',
      },
      {
        ruleId: "text-hygiene",
        line: 15,
        message: "repos[0].label contains U+0009 TAB at character 28; expected visible text only",
      },
    ]);
  });
});

describe("text-length", () => {
  it("ok-lengths.yml: no findings at all", () => {
    expect(lintFixture("text-length/ok-lengths.yml")).toEqual([]);
  });
  it("not-ok-too-long.yml", () => {
    expect(lintFixtureFor("text-length", "text-length/not-ok-too-long.yml")).toEqual([
      {
        ruleId: "text-length",
        line: 6,
        message: 'title is 337 characters ("A Paper With a Summary Over t…"); expected at most 300',
      },
      {
        ruleId: "text-length",
        line: 11,
        message:
          'summary is 4001 characters ("字字字字字字字字字字字字字字字字字字字字字字字字字字字字字…"); expected at most 4000',
      },
    ]);
  });
});

describe("title-is-slug-or-url", () => {
  it("ok-titles.yml: no findings at all", () => {
    expect(lintFixture("title-is-slug-or-url/ok-titles.yml")).toEqual([]);
  });
  it("not-ok-seed-sample-factory.yml", () => {
    expect(
      lintFixtureFor("title-is-slug-or-url", "title-is-slug-or-url/not-ok-seed-sample-factory.yml"),
    ).toEqual([
      {
        ruleId: "title-is-slug-or-url",
        line: 7,
        message:
          'title "alex-petrenko/sample-factory" looks like a repository slug (owner/name); expected the work\'s title as published',
      },
    ]);
  });
  it("not-ok-slug-and-url.yml", () => {
    expect(lintFixtureFor("title-is-slug-or-url", "title-is-slug-or-url/not-ok-slug-and-url.yml")).toEqual([
      {
        ruleId: "title-is-slug-or-url",
        line: 6,
        message:
          'title "alex-petrenko/sample-factory" looks like a repository slug (owner/name); expected the work\'s title as published',
      },
      {
        ruleId: "title-is-slug-or-url",
        line: 12,
        message:
          'title "sunzeyeah/chinese_chatgpt_corpus" looks like a repository slug (owner/name); expected the work\'s title as published',
      },
      {
        ruleId: "title-is-slug-or-url",
        line: 18,
        message: 'title "https://arxiv.org/abs/2306.15195" is a URL; expected the work\'s title as published',
      },
    ]);
  });
});

describe("unused-lint-ignore", () => {
  it("ok-used-silence.yml: no findings at all", () => {
    expect(lintFixture("unused-lint-ignore/ok-used-silence.yml")).toEqual([]);
  });
  it("not-ok-stale-and-unknown.yml", () => {
    expect(lintFixtureFor("unused-lint-ignore", "unused-lint-ignore/not-ok-stale-and-unknown.yml")).toEqual([
      {
        ruleId: "unused-lint-ignore",
        line: 12,
        message:
          'lint-ignore for "title-is-slug-or-url" silences nothing: the rule finds no problem on entry "shikra"; expected the silence removed',
      },
      {
        ruleId: "unused-lint-ignore",
        line: 13,
        message: 'lint-ignore names unknown rule "repeated-sentences"; did you mean "repeated-sentence"?',
      },
      {
        ruleId: "unused-lint-ignore",
        line: 14,
        message: 'lint-ignore names "schema", which cannot be silenced; expected the record fixed instead',
      },
    ]);
  });
});

describe("url-https", () => {
  it("ok-https.yml: no findings at all", () => {
    expect(lintFixture("url-https/ok-https.yml")).toEqual([]);
  });
  it("not-ok-http.yml", () => {
    expect(lintFixtureFor("url-https", "url-https/not-ok-http.yml")).toEqual([
      {
        ruleId: "url-https",
        line: 7,
        message:
          "url uses http:// for arxiv.org, which serves https; expected https://arxiv.org/abs/2306.10968",
      },
      {
        ruleId: "url-https",
        line: 12,
        message:
          "repos[0].url uses http:// for github.com, which serves https; expected https://github.com/ictnlp/BayLing",
      },
      {
        ruleId: "url-https",
        line: 14,
        message:
          "a link in summary uses http:// for huggingface.co, which serves https; expected https://huggingface.co/ICTNLP/bayling-7b-diff",
      },
    ]);
  });
});

describe("url-trailing-punctuation", () => {
  it("ok-urls.yml: no findings at all (a bracket the URL opened stays; Markdown links are Markdown's)", () => {
    expect(lintFixture("url-trailing-punctuation/ok-urls.yml")).toEqual([]);
  });
  it("not-ok-punctuation.yml", () => {
    const finding = (line: number, name: string, tail: string, address: string) => ({
      ruleId: "url-trailing-punctuation",
      line,
      message: `${name} ends in "${tail}" (punctuation of the sentence it was copied from, not part of the address): the address is ${address} without it`,
    });
    expect(
      lintFixtureFor("url-trailing-punctuation", "url-trailing-punctuation/not-ok-punctuation.yml"),
    ).toEqual([
      finding(7, "url", ").", "https://arxiv.org/abs/2306.10968"),
      finding(12, "repos[0].url", ",", "https://github.com/ictnlp/BayLing"),
      finding(15, "links[0].url", ")", "https://en.wikipedia.org/wiki/Alignment_(role-playing_games)"),
      finding(17, "images[0].url", '"', "https://example.org/figure.png"),
    ]);
  });
});

describe("url-local-host", () => {
  it("ok-public.yml: no findings at all", () => {
    expect(lintFixture("url-local-host/ok-public.yml")).toEqual([]);
  });
  it("not-ok-local.yml", () => {
    expect(lintFixtureFor("url-local-host", "url-local-host/not-ok-local.yml")).toEqual([
      {
        ruleId: "url-local-host",
        line: 13,
        message:
          'links[0].url points at the local or private host 127.0.0.1 ("http://127.0.0.1:7860/"); expected a public URL',
      },
      {
        ruleId: "url-local-host",
        line: 15,
        message:
          'links[1].url points at the local or private host 192.168.1.20 ("http://192.168.1.20/shikra"); expected a public URL',
      },
      {
        ruleId: "url-local-host",
        line: 17,
        message:
          'links[2].url points at the local or private host wiki.corp.internal ("https://wiki.corp.internal/shikra"); expected a public URL',
      },
      {
        ruleId: "url-local-host",
        line: 19,
        message:
          "links[3].url contains a user name or password before the host; expected a URL without credentials",
      },
      {
        ruleId: "url-local-host",
        line: 20,
        message:
          'a link in summary points at the local or private host localhost ("http://localhost:8080"); expected a public URL',
      },
    ]);
  });
});

describe("url-scheme", () => {
  it("ok-links.yml: no findings at all", () => {
    expect(lintFixture("url-scheme/ok-links.yml")).toEqual([]);
  });
  it("not-ok-schemes.yml", () => {
    expect(lintFixtureFor("url-scheme", "url-scheme/not-ok-schemes.yml")).toEqual([
      {
        ruleId: "url-scheme",
        line: 12,
        message:
          'a link in summary uses the javascript: scheme ("javascript:alert(1"); expected an http(s) URL',
      },
      {
        ruleId: "url-scheme",
        line: 13,
        message:
          'an image in summary uses the data: scheme ("data:image/png;base64,iVBORw0KGgo="); expected an http(s) URL',
      },
      {
        ruleId: "url-scheme",
        line: 14,
        message:
          'a link in summary uses the ftp: scheme ("ftp://ftp.example.org/shikra.tar"); expected an http(s) URL',
      },
    ]);
  });
});

describe("venue-looks-like-date", () => {
  it("ok-venues.yml: no findings at all", () => {
    expect(lintFixture("venue-looks-like-date/ok-venues.yml")).toEqual([]);
  });
  it("not-ok-dates.yml", () => {
    expect(lintFixtureFor("venue-looks-like-date", "venue-looks-like-date/not-ok-dates.yml")).toEqual([
      {
        ruleId: "venue-looks-like-date",
        line: 10,
        message:
          'venue "2023年5月" looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD',
      },
      {
        ruleId: "venue-looks-like-date",
        line: 16,
        message:
          'venue "2023年6月27日" looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD',
      },
      {
        ruleId: "venue-looks-like-date",
        line: 22,
        message:
          'venue "2023-06" looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD',
      },
      {
        ruleId: "venue-looks-like-date",
        line: 28,
        message:
          'venue "June 2023" looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD',
      },
      {
        ruleId: "venue-looks-like-date",
        line: 34,
        message:
          'venue "2023" looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD',
      },
    ]);
  });
});

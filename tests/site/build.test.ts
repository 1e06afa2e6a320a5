/** The built site as files: pages for everything, escaped user text, relative links only, and the CLI edge. */
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile, mkdir, cp } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testTempDir } from "../helpers/temp-dir.js";
import { makeSyntheticList, makeSyntheticYaml } from "../../bench/synthetic.js";
import { FileWriter } from "../../src/site/file-writer.js";
import { RELATED_RUN_RECORDS } from "../../src/site/related-packed.js";
import { runCli } from "../../src/cli/main.js";
import type { PapersFile } from "../../src/records/index.js";
import Handlebars from "handlebars/dist/handlebars.js";
import {
  CARD_ENTRY,
  SITE_TEMPLATE_NAMES,
  SiteTemplateError,
  buildAndWriteSite,
  buildSite,
  startSiteBuild,
  compileSiteTemplates,
  printsPageFieldsOnly,
  siteTemplatePath,
  type SiteFile,
} from "../../src/site/index.js";
import {
  HOSTILE_ID,
  PAGE_ID_ENTRIES,
  REPO,
  SECTION_ID_CATEGORY,
  SITE_OPTIONS,
  buildFixtureSite,
  fileText,
  readRealList,
  readSiteFixture,
} from "./helpers/fixture.js";
import { runCliCaptured } from "../helpers/run-cli.js";

let data: PapersFile;
let files: SiteFile[];

beforeAll(async () => {
  data = await readSiteFixture();
  files = await buildFixtureSite(data);
});

const pages = () => files.filter((f) => f.path.endsWith(".html"));

type Element = DefaultTreeAdapterMap["element"];

/** Every element of a page as a browser parses it (so text that merely looks like a tag is not one). */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap["parentNode"]) => {
    for (const child of node.childNodes) {
      if ("tagName" in child) out.push(child);
      if ("childNodes" in child) walk(child);
      if ("content" in child) walk(child.content);
    }
  };
  walk(parse(html));
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The project's site templates, compiled, with `change` applied to the text of one of them. */
async function templatesWith(name: (typeof SITE_TEMPLATE_NAMES)[number], change: (text: string) => string) {
  const sources = Object.fromEntries(
    await Promise.all(
      SITE_TEMPLATE_NAMES.map(async (n) => {
        const file = siteTemplatePath("templates", n);
        const text = await readFile(path.join(REPO, file), "utf8");
        return [n, { file, text: n === name ? change(text) : text }];
      }),
    ),
  ) as Parameters<typeof compileSiteTemplates>[0];
  const compiled = compileSiteTemplates(sources);
  if (!compiled.ok) throw new Error("the templates should compile");
  return compiled.templates;
}

describe("buildSite", () => {
  it("writes the list, a page per category and a permalink per entry", () => {
    const paths = new Set(files.map((f) => f.path));
    expect(paths.has("index.html")).toBe(true);
    for (const e of data.entries) expect(paths.has(`p/${e.id}/index.html`), e.id).toBe(true);
    const categories: string[] = [];
    const walk = (list: PapersFile["categories"]) =>
      list.forEach((c) => {
        categories.push(c.id);
        walk(c.children ?? []);
      });
    walk(data.categories);
    for (const id of categories) expect(paths.has(`c/${id}/index.html`), id).toBe(true);
    const index = fileText(files, "index.html");
    for (const e of data.entries) expect(index).toContain(`id="${e.id}"`);
  });

  it("reports a template that names a missing field as a diagnostic on that template, and writes nothing", async () => {
    let lines = 0;
    let lastLine = "";
    const templates = await templatesWith("entry", (text) => {
      lines = text.split("\n").length;
      lastLine = text.split("\n").at(-1) ?? "";
      return `${text}{{noSuchField}}`;
    });
    const result = buildSite(data, templates, { script: "", style: "" }, SITE_OPTIONS);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          ruleId: "template",
          severity: "error",
          message: '"noSuchField" is not defined: neither a field this template is given nor a helper',
          file: "templates/site/entry.html.hbs",
          // Where the field stands: after the template's own text, on its last line.
          line: lines,
          column: lastLine.length + 3,
        },
      ],
    });
  });

  /** The first entry's page, once `change` is applied to that entry. */
  async function firstEntryPage(change: (entry: PapersFile["entries"][number]) => void) {
    const [first, ...rest] = data.entries;
    const entry = { ...(first as PapersFile["entries"][number]) };
    change(entry);
    const site = buildSite(
      { ...data, entries: [entry, ...rest] },
      await templatesWith("entry", (t) => t),
      { script: "", style: "" },
      SITE_OPTIONS,
    );
    if (!site.ok) throw new Error("the site should build");
    return fileText(site.files, `p/${entry.id}/index.html`);
  }

  /** The meta description of the first entry's page, once `change` is applied to that entry. */
  async function firstEntryDescription(change: (entry: PapersFile["entries"][number]) => void) {
    const head = elements(await firstEntryPage(change));
    const description = head.find((el) => el.tagName === "meta" && attr(el, "name") === "description");
    return attr(description as Element, "content");
  }

  it("describes an entry page by the start of its abstract, never half a surrogate pair", async () => {
    const abstract = `${"a".repeat(199)}𠀀${"b".repeat(800)}`;
    expect(await firstEntryDescription((entry) => (entry.abstract = abstract))).toBe("a".repeat(199));
  });

  it("describes an entry without an abstract by its 摘要 as a reader sees it, not its Markdown", async () => {
    const summary =
      "**有很多不同任務的資料集整理。** 見 [Github](https://github.com/x/y) 與 `code` & <b>更多</b>\n\n- 一\n- 二";
    const description = await firstEntryDescription((entry) => {
      entry.summary = summary;
      delete entry.abstract;
    });
    expect(description).toBe("有很多不同任務的資料集整理。 見 Github 與 code & 更多 一 二");
  });

  it("describes an entry by its abstract as a reader sees it, not its Markdown", async () => {
    const abstract = "We use **LoRA** with $O(n^2)$ memory; code at [GitHub](https://github.com/o/n).";
    const description = await firstEntryDescription((entry) => (entry.abstract = abstract));
    expect(description).toBe("We use LoRA with O(n^2) memory; code at GitHub.");
  });

  it("shows no empty section for a Markdown field of only spaces", async () => {
    const page = await firstEntryPage((entry) => {
      entry.summary = " \n ";
      entry.abstract = "An abstract.";
    });
    expect(page).toContain("An abstract.");
    expect(page).not.toContain("摘要 / Summary");
  });

  it("names kinds in the menu, on the badges and in the facts as the submission form does, in both languages", () => {
    const index = fileText(files, "index.html");
    expect(index).toContain('<option value="dataset">資料集 / dataset</option>');
    expect(index).toContain('<option value="paper">論文 / paper</option>');
    expect(index).toContain('<span class="badge">資料集 / dataset</span>');
    const dataset = data.entries.find((e) => e.kind === "dataset");
    const facts = elements(fileText(files, `p/${dataset?.id}/index.html`))
      .filter((el) => el.tagName === "dd")
      .map((el) => el.childNodes.map((n) => ("value" in n ? n.value : "")).join(""));
    expect(facts).toContain("資料集 / dataset");
  });

  it("tells an entry's figures apart in their alt text, as the README does", () => {
    const several = data.entries.filter((e) => (e.images ?? []).length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const entry of several) {
      const alts = elements(fileText(files, `p/${entry.id}/index.html`))
        .filter((el) => el.tagName === "img")
        .map((el) => attr(el, "alt") ?? "");
      expect(alts, entry.id).toHaveLength(entry.images?.length ?? 0);
      expect(new Set(alts).size, entry.id).toBe(alts.length);
      for (const alt of alts) expect(alt, entry.id).toMatch(/\S/);
    }
  });

  it("is deterministic: the same records give the same bytes", async () => {
    const again = await buildFixtureSite(data);
    expect(again).toEqual(files);
  });

  it("escapes every user string: the hostile record runs nothing anywhere", () => {
    for (const page of pages()) {
      const all = elements(page.content);
      const scripts = all.filter((el) => el.tagName === "script").map((el) => attr(el, "src"));
      expect(scripts, page.path).toEqual([expect.stringMatching(/^(?:\.|\.\.\/\.\.)\/assets\/site\.js$/)]);
      for (const el of all) {
        expect(
          el.attrs.filter((a) => a.name.startsWith("on")),
          page.path,
        ).toEqual([]);
        for (const name of ["href", "src"])
          expect(attr(el, name) ?? "", page.path).not.toMatch(/^\s*javascript:/i);
      }
    }
    const hostile = fileText(files, `p/${HOSTILE_ID}/index.html`);
    expect(hostile).toContain(
      "<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; {braces}</h1>",
    );
    // The URL reaches the browser as written.
    expect(elements(hostile).some((el) => attr(el, "href") === "https://example.org/a?b=1&c=<x>")).toBe(true);
  });

  it("links nothing by absolute path and loads nothing from elsewhere", () => {
    for (const page of pages()) {
      for (const el of elements(page.content)) {
        const ref = attr(el, "href") ?? attr(el, "src");
        if (ref === undefined) continue;
        expect(ref.startsWith("/"), `${page.path}: ${ref}`).toBe(false);
        // Stylesheets and scripts are the site's own; only links and record figures point elsewhere. A data:
        // URL (the empty favicon) is inline: it loads nothing.
        if (el.tagName === "link" || el.tagName === "script")
          expect(ref, page.path).not.toMatch(/^(?!data:)[a-z]+:/i);
      }
    }
    expect(fileText(files, "assets/site.css")).not.toMatch(/@import|url\(/);
  });

  it("links the site title to the front page without the query, from every page, under a base path", () => {
    expect(
      elements(fileText(files, "index.html")).find((el) => attr(el, "class") === "site-title")?.attrs,
    ).toEqual([
      { name: "class", value: "site-title" },
      { name: "href", value: "./" },
    ]);
    for (const page of pages()) {
      const title = elements(page.content).find((el) => attr(el, "class") === "site-title");
      // The page as a reader has it, filtered: an empty href would be this very URL, filter and all.
      const here = new URL(
        `${page.path.replace(/index\.html$/, "")}?kind=paper`,
        "https://owner.github.io/repo/",
      );
      expect(new URL(attr(title as Element, "href") ?? "", here).href, page.path).toBe(
        "https://owner.github.io/repo/",
      );
    }
  });

  it("offers on a category page only the categories, kinds and years of its own cards", () => {
    const optionsOf = (html: string, name: string) => {
      const all = elements(html);
      const select = all.find((el) => el.tagName === "select" && attr(el, "name") === name);
      return all
        .filter((el) => el.tagName === "option" && el.parentNode === select)
        .map((el) => attr(el, "value"))
        .filter((v) => v !== "");
    };
    const parent = data.categories.find((c) => (c.children ?? []).length > 0);
    if (!parent) throw new Error("the fixture has subcategories");
    const page = files.find((f) => f.path === `c/${parent.id}/index.html`)?.content ?? "";
    const ids = [parent.id, ...(parent.children ?? []).map((c) => c.id)];
    expect(optionsOf(page, "category").sort()).toEqual(expect.arrayContaining(ids.sort()));
    const cards = elements(page).filter((el) => el.tagName === "li" && attr(el, "class") === "entry");
    const own = (key: string) => [...new Set(cards.map((c) => attr(c, key) ?? ""))].filter(Boolean).sort();
    expect(
      optionsOf(page, "category").every((id) =>
        cards.some(
          (c) =>
            attr(c, "data-categories")
              ?.split(" ")
              .includes(id ?? "") || ids.includes(id ?? ""),
        ),
      ),
    ).toBe(true);
    expect(optionsOf(page, "kind").sort()).toEqual(own("data-kind"));
    expect(optionsOf(page, "year").sort()).toEqual(own("data-year"));
    // The front page still offers every category.
    const front = files.find((f) => f.path === "index.html")?.content ?? "";
    expect(optionsOf(front, "category").length).toBeGreaterThan(optionsOf(page, "category").length);
  });

  it("names every category of the real list's menu apart, a repeated title with its parent's", async () => {
    const real = await buildFixtureSite(await readRealList());
    const all = elements(fileText(real, "index.html"));
    const select = all.find((el) => el.tagName === "select" && attr(el, "name") === "category");
    const labels = all
      .filter((el) => el.tagName === "option" && el.parentNode === select && attr(el, "value") !== "")
      .map((el) =>
        el.childNodes
          .map((c) => ("value" in c ? c.value : ""))
          .join("")
          .trim(),
      );
    expect(labels.length).toBeGreaterThan(30);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("LLM (Survey Paper)");
    expect(labels).toContain("Multimodal");
  });

  it("skips no heading level on any page (a category page's sections come right under its h1)", () => {
    // The fixture has subcategories: their pages once went from the h1 straight to h3.
    expect(data.categories.some((c) => (c.children ?? []).length > 0)).toBe(true);
    for (const page of pages()) {
      let previous = 0;
      for (const el of elements(page.content)) {
        const heading = /^h([1-6])$/.exec(el.tagName);
        if (!heading) continue;
        const levelOf = Number(heading[1]);
        expect(levelOf, `${page.path}: h${previous} then h${levelOf}`).toBeLessThanOrEqual(previous + 1);
        previous = levelOf;
      }
    }
  });

  it("gives each element id once a page, entries named like the page's own elements included", () => {
    expect(PAGE_ID_ENTRIES.every((id) => data.entries.some((e) => e.id === id))).toBe(true);
    expect(files.some((f) => f.path === `c/${SECTION_ID_CATEGORY}/index.html`)).toBe(true);
    for (const page of pages()) {
      const ids = elements(page.content).flatMap((el) => attr(el, "id") ?? []);
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(repeated, page.path).toEqual([]);
    }
  });
});

/** Small templates: a list page of sections, each an <ol> of `card` over the section's `items`. */
function sectionTemplates(card: string, items: string) {
  const source = (name: (typeof SITE_TEMPLATE_NAMES)[number], text: string) => ({
    file: `${name}.hbs`,
    text,
  });
  const compiled = compileSiteTemplates({
    layout: source("layout", "{{{body}}}"),
    list: source("list", `{{#each sections}}<ol>{{#each ${items}}}{{> card}}{{/each}}</ol>{{/each}}`),
    card: source("card", card),
    entry: source("entry", "{{title}}"),
  });
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("\n"));
  return compiled.templates;
}

describe("list pages in pieces", () => {
  const MARK = "\u0000papershelf:card\u0000";
  /** Small templates: a list of cards, each with a value from the page (by a hash parameter) and from @root. */
  function smallTemplates() {
    const source = (name: (typeof SITE_TEMPLATE_NAMES)[number], text: string) => ({
      file: `${name}.hbs`,
      text,
    });
    const compiled = compileSiteTemplates({
      layout: source("layout", "<main>{{{body}}}</main>"),
      list: source(
        "list",
        "<h1>{{heading}}</h1><ol>{{#each items}}{{> card level=../level}}{{/each}}</ol><p>end</p>",
      ),
      card: source("card", "<li><h{{level}}>{{name}}</h{{level}}> {{@root.heading}} {{@index}}</li>\n"),
      entry: source("entry", "{{title}}"),
    });
    if (!compiled.ok) throw new Error("the templates should compile");
    return compiled.templates;
  }
  const view = (names: string[]) => ({
    heading: "微調 & co",
    level: 3,
    items: names.map((name) => ({ name })),
  });

  it("cuts a page at its cards, and the pieces join to the page rendered as one string", () => {
    const templates = smallTemplates();
    const names = ["a <b>", "模型", "𠀀", "last"];
    const render = () => templates.layout({ body: templates.list(view(names)) });
    const pieces = [...templates.inPieces(render)];
    expect(pieces.join("")).toBe(render());
    // Text, a card, text, a card…: each card a piece of its own, as the template wrote it.
    expect(pieces).toHaveLength(2 * names.length + 1);
    expect(pieces[1]).toBe("<li><h3>a &lt;b&gt;</h3> 微調 &amp; co 0</li>\n");
    expect(pieces[7]).toBe("<li><h3>last</h3> 微調 &amp; co 3</li>\n");
    expect(pieces.at(-1)).toBe("</ol><p>end</p></main>");
  });

  it("keeps a page whole when its own text holds the mark that stands for a card, and cuts it when a card does", () => {
    const templates = smallTemplates();
    const inHeading = { ...view(["one", "two"]), heading: `before ${MARK} after` };
    const whole = () => templates.list(inHeading);
    expect([...templates.inPieces(whole)]).toEqual([whole()]);
    expect(whole()).toContain(`before ${MARK} after`);
    // Inside a card the mark is the card's text, never cut: the card is a piece whatever it holds.
    const inCard = () => templates.list(view(["one", `before ${MARK} after`]));
    const pieces = [...templates.inPieces(inCard)];
    expect(pieces).toHaveLength(5);
    expect(pieces.join("")).toBe(inCard());
  });

  /** Templates whose cards read the loops around them, and a card value read only when a card is made. */
  const nestedTemplates = (card: string) => sectionTemplates(card, "items");

  it("makes each card when its piece is asked for, with the loops' @index, @first and @last as they were", () => {
    const templates = nestedTemplates(
      "<li>{{@../index}}.{{@index}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}} {{meta.name}}</li>",
    );
    let made = 0;
    const item = (name: string) => ({
      meta: {
        get name() {
          made++;
          return name;
        },
      },
    });
    const view = { sections: [{ items: [item("a"), item("b")] }, { items: [item("c")] }] };
    const pieces = templates.inPieces(() => templates.list(view));
    // Rendering the page made no card yet: each is made when the writer takes it.
    expect(made).toBe(0);
    const taken = pieces[Symbol.iterator]();
    taken.next();
    expect(taken.next().value).toBe("<li>0.0 first a</li>");
    expect(made).toBe(1);
    const rest = [...{ [Symbol.iterator]: () => taken }].join("");
    expect(rest).toBe("<li>0.1 last b</li></ol><ol><li>1.0 first last c</li></ol>");
    expect(made).toBe(3);
    made = 0;
    expect(["<ol>", "<li>0.0 first a</li>", rest].join("")).toBe(templates.list(view));
  });

  it("reports a card template that fails, naming it, when that card is made", () => {
    const templates = nestedTemplates("<li>{{missing}}</li>");
    // Rendering the page does not fail: the card is made when its piece is asked for.
    const pieces = templates.inPieces(() => templates.list({ sections: [{ items: [{ id: "x" }] }] }));
    let caught: unknown;
    try {
      for (const piece of pieces) void piece;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SiteTemplateError);
    expect((caught as SiteTemplateError).file).toBe("card.hbs");
    expect((caught as Error).message).toMatch(/missing/);
  });

  it("builds the site's list pages in pieces, a card an entry", () => {
    // buildSite joins each file's pieces; the index page has every entry's card once.
    const index = fileText(files, "index.html");
    for (const e of data.entries) expect(index.split(`<li class="entry" id="${e.id}"`), e.id).toHaveLength(2);
  });
});

describe("cards made once an entry", () => {
  /** A list of sections of cards whose views hold their entry, as pages.ts sectionViews makes them. */
  const cardTemplates = (card: string) => sectionTemplates(card, "entries");
  /** Entries whose title counts how often a card prints it (Handlebars asks an object for its toHTML). */
  function countedEntries(ids: string[]) {
    let printed = 0;
    const entries = ids.map((id) => ({
      id,
      title: { toHTML: () => (printed++, `<i>${id}</i>`) },
    }));
    return { entries, printed: () => printed };
  }
  const page = (entries: object[], root: string, cardLevel: number) => ({
    sections: [{ entries: entries.map((e) => ({ [CARD_ENTRY]: e, root, cardLevel, ...e })) }],
  });
  const CARD = '<li><h{{cardLevel}}><a href="{{root}}p/{{id}}/">{{title}}</a></h{{{cardLevel}}}></li>';

  it("renders a card once for every page that shows its entry, each page's root and level put in", () => {
    const templates = cardTemplates(CARD);
    // A record's text may look like a mark: it stays as written.
    const { entries, printed } = countedEntries(["a", "b\u0000x:0\u0000"]);
    const top = [...templates.inPieces(() => templates.list(page(entries, "./", 3)))].join("");
    const nested = [...templates.inPieces(() => templates.list(page(entries, "../../", 2)))].join("");
    expect(top).toBe(
      '<ol><li><h3><a href="./p/a/"><i>a</i></a></h3></li><li><h3><a href="./p/b\u0000x:0\u0000/"><i>b\u0000x:0\u0000</i></a></h3></li></ol>',
    );
    expect(nested).toBe(top.replaceAll('"./', '"../../').replaceAll("h3>", "h2>"));
    expect(printed()).toBe(2);
    // Rendered as one string, outside inPieces, the same text, each card made for its page.
    expect(templates.list(page(entries, "../../", 2))).toBe(nested);
    expect(printed()).toBe(4);
  });

  it("renders a card for each page when it does more with the page's fields than print them, or reads the page around it", () => {
    for (const card of [
      "{{#if root}}nested{{else}}top{{/if}} {{title}}",
      "{{#unless cardLevel}}no level{{/unless}} {{title}}",
      '{{lookup this "cardLevel"}} {{title}}',
      "{{#each this}}{{this}}{{/each}}",
      "{{#with root}}{{this}}{{/with}} {{title}}",
      "{{@index}} {{title}}",
      "{{@root.sections.length}} {{title}}",
      "{{#each (lookup . 'cardLevel')}}x{{/each}} {{title}}",
    ]) {
      expect(printsPageFieldsOnly(Handlebars.parse(card)), card).toBe(false);
      const templates = cardTemplates(card);
      const { entries, printed } = countedEntries(["a", "b"]);
      const views = [page(entries, "", 0), page(entries, "../../", 2)];
      const pieces = views.map((view) => [...templates.inPieces(() => templates.list(view))].join(""));
      const direct = views.map((view) => templates.list(view));
      expect(pieces, card).toEqual(direct);
      // Each card made for each page in pieces (2 × 2), then again for the pages rendered whole.
      expect(printed(), card).toBe(8);
    }
    // Read, not printed (strict mode refuses this one at render time: not a field of the view's).
    expect(printsPageFieldsOnly(Handlebars.parse("{{root.length}}"))).toBe(false);
    expect(printsPageFieldsOnly(Handlebars.parse("{{> other}}"))).toBe(false);
    expect(printsPageFieldsOnly(Handlebars.parse("{{#each repos}}{{../root}}{{/each}}"))).toBe(false);
    expect(printsPageFieldsOnly(Handlebars.parse(CARD))).toBe(true);
    expect(printsPageFieldsOnly(Handlebars.parse("{{#each repos as |r|}}{{r.url}}{{/each}}{{{root}}}"))).toBe(
      true,
    );
  });

  it("renders a card for its page when the page's value would be escaped, or the view does not hold its entry", () => {
    const templates = cardTemplates(CARD);
    const { entries, printed } = countedEntries(["a"]);
    const escaped = [...templates.inPieces(() => templates.list(page(entries, "a&b/", 3)))].join("");
    expect(escaped).toBe('<ol><li><h3><a href="a&amp;b/p/a/"><i>a</i></a></h3></li></ol>');
    const plain = { sections: [{ entries: entries.map((e) => ({ root: "./", cardLevel: 3, ...e })) }] };
    for (let i = 0; i < 2; i++) [...templates.inPieces(() => templates.list(plain))].join("");
    expect(printed()).toBe(3);
  });

  it("makes the shipped card once an entry, and the site's pages the same as with a card made for each page", async () => {
    const shipped = await readFile(path.join(REPO, siteTemplatePath("templates", "card")), "utf8");
    expect(printsPageFieldsOnly(Handlebars.parse(shipped))).toBe(true);
    // The same card, made for each page: an empty block on `root` keeps its text and stops the reuse.
    const perPage = await templatesWith("card", (text) => `${text}{{#if root}}{{/if}}`);
    const again = buildSite(data, perPage, assetsOf(files), SITE_OPTIONS);
    if (!again.ok) throw new Error("the site should build");
    const listPages = files.filter((f) => f.path === "index.html" || f.path.startsWith("c/"));
    expect(listPages.length).toBeGreaterThan(3);
    for (const file of listPages) expect(fileText(again.files, file.path), file.path).toBe(file.content);
  });
});

/** The assets `built` holds, as buildAndWriteSite takes them. */
const assetsOf = (built: readonly SiteFile[]) => ({
  script: fileText(built, "assets/site.js"),
  style: fileText(built, "assets/site.css"),
});

/** Every file of `built` is in `dir` with exactly that text. */
async function expectOnDisk(dir: string, built: readonly SiteFile[]): Promise<void> {
  for (const file of built)
    expect(await readFile(path.join(dir, file.path), "utf8"), file.path).toBe(file.content);
}

describe("buildAndWriteSite", () => {
  it("writes what buildSite builds, and a template failing halfway leaves the previous site and no staging folder", async () => {
    const parent = await testTempDir("papershelf-site-stream-");
    const dir = path.join(parent, "_site");
    const assets = assetsOf(files);
    const templates = await templatesWith("entry", (t) => t);
    const written = await buildAndWriteSite(dir, data, templates, assets, SITE_OPTIONS);
    // The site's files and the marker that says papershelf wrote the folder.
    expect(written).toEqual({ ok: true, fileCount: files.length + 1 });
    await expectOnDisk(dir, files);

    // Only the first five records have an abstract: the sixth entry page fails, after the list pages and five
    // entry pages have gone to the staging folder.
    const failing = await templatesWith("entry", (t) => `${t}{{#unless abstract}}{{noSuchField}}{{/unless}}`);
    const changed = { ...data, entries: data.entries.map((e) => ({ ...e, title: `${e.title} (changed)` })) };
    const result = await buildAndWriteSite(dir, changed, failing, assets, SITE_OPTIONS);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          ruleId: "template",
          file: "templates/site/entry.html.hbs",
          message: expect.stringContaining("noSuchField"),
        },
      ],
    });
    expect(await readdir(parent)).toEqual(["_site"]);
    await expectOnDisk(dir, files);
  });

  it("makes the entries' folders while the records are read, and leaves none for an entry it does not build", async () => {
    const big = makeSyntheticList(300) as PapersFile;
    const built = await buildFixtureSite(big);
    const parent = await testTempDir("papershelf-site-ahead-");
    const dir = path.join(parent, "_site");
    const templates = await templatesWith("entry", (t) => t);
    const build = await startSiteBuild(dir);
    // What the records file told as it was read, unchecked: a record the build will not have, ids the schema
    // refuses (one that would lead out of the folder), and what is not a record at all.
    for (const told of [{ id: "ghost" }, { id: "../escape" }, { id: 7 }, null, "x", ...big.entries])
      build.expectEntry(told);
    // The first of them are made at once, before the build has the records.
    const staging = `${dir}.tmp-${process.pid}`;
    await vi.waitFor(
      () => {
        for (const id of ["ghost", big.entries[0]?.id ?? ""])
          expect(existsSync(path.join(staging, "p", id)), id).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(existsSync(path.join(parent, "escape"))).toBe(false);
    const written = await build.build(big, templates, assetsOf(built), SITE_OPTIONS);
    expect(written).toEqual({ ok: true, fileCount: built.length + 1 });
    await expectOnDisk(dir, built);
    // Every entry has its folder, and only they do: the ghost's went at the end.
    expect((await readdir(path.join(dir, "p"))).sort()).toEqual(big.entries.map((e) => e.id).sort());
    expect(await readdir(parent)).toEqual(["_site"]);
  });

  it("writes every entry page as buildSite makes it when the related entries come in several runs", async () => {
    const big = makeSyntheticList(2 * RELATED_RUN_RECORDS + 34) as PapersFile;
    const built = await buildFixtureSite(big);
    const dir = path.join(await testTempDir("papershelf-site-runs-"), "_site");
    const templates = await templatesWith("entry", (t) => t);
    const written = await buildAndWriteSite(dir, big, templates, assetsOf(built), SITE_OPTIONS);
    expect(written).toEqual({ ok: true, fileCount: built.length + 1 });
    expect(built.filter((f) => f.path.startsWith("p/"))).toHaveLength(big.entries.length);
    await expectOnDisk(dir, built);
    // The related entries are on the pages of every run, the last one included.
    expect(fileText(built, `p/${big.entries.at(-1)?.id}/index.html`)).toContain('<ol class="related">');
  });
});

describe("papershelf site", () => {
  it("writes the folder from the project's records and templates", async () => {
    const dir = await siteProject();
    await writeFile(path.join(dir, ".papershelf.yml"), "site:\n  title: Test shelf\n  lang: en\n");
    const out: string[] = [];
    const err: string[] = [];
    const ctx = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env: {},
      cwd: dir,
      interactive: false,
    };
    expect(await runCli(["site", "--out", "public"], ctx), err.join("")).toBe(0);
    expect(out.join("")).toMatch(/^wrote public\/: \d+ entries, \d+ files/);
    // The real list's records have no "added" date yet: the feed leaves them out, and the maintainer is told.
    const undated = (await readRealList()).entries.filter((e) => !e.added).length;
    expect(undated).toBeGreaterThan(0);
    expect(out.join("")).toContain(
      `note: feed.xml leaves out ${undated} entries without an "added" date (the intake sets it on every submission)`,
    );
    const index = await readFile(path.join(dir, "public/index.html"), "utf8");
    expect(index).toContain('<html lang="en" data-root="./">');
    expect(index).toContain("<title>Test shelf</title>");
    expect((await readdir(path.join(dir, "public/p"))).length).toBe((await readRealList()).entries.length);
    expect(index).toContain("從 <code>data/papers.yaml</code> 產生");

    // The footer names the records file the config names.
    await mkdir(path.join(dir, "lists"));
    await cp(path.join(dir, "data/papers.yaml"), path.join(dir, "lists/shelf.yaml"));
    await writeFile(
      path.join(dir, ".papershelf.yml"),
      "data: lists/shelf.yaml\nsite:\n  title: Test shelf\n",
    );
    expect(await runCli(["site", "--out", "public"], ctx), err.join("")).toBe(0);
    const moved = await readFile(path.join(dir, "public/index.html"), "utf8");
    expect(moved).toContain("從 <code>lists/shelf.yaml</code> 產生");
    expect(moved).not.toContain("data/papers.yaml");

    await writeFile(path.join(dir, ".papershelf.yml"), "site:\n  lang: 'not a tag!'\n");
    err.length = 0;
    expect(await runCli(["site", "--out", "public"], ctx)).toBe(2);
    expect(err.join("")).toMatch(/\.papershelf\.yml:2:9 .*"site\.lang" should be a language tag/);
    // The failed run left the previous site in place.
    expect(await readFile(path.join(dir, "public/index.html"), "utf8")).toBe(moved);
  });

  it("leads the links the records write relative to the repository to its files, when the environment names it", async () => {
    const records = await readFile(path.join(REPO, "data/papers.yaml"), "utf8");
    const sentence = "實驗結果展示了 Shikra 的良好性能。";
    expect(records).toContain(sentence);
    const dir = await siteProject(records.replace(sentence, `${sentence}讀書會的[筆記](notes/shikra.md)。`));
    const page = () => readFile(path.join(dir, "_site/p/shikra/index.html"), "utf8");
    const build = (env: Record<string, string>) => runCliCaptured(["site"], { cwd: dir, env });

    // As GitHub Actions runs it: the README's link, the repository's file, is the page's link too.
    let run = await build({ GITHUB_REPOSITORY: "octo-org/papers", GITHUB_SERVER_URL: "https://github.com" });
    expect(run.code, run.stderr).toBe(0);
    expect(await page()).toContain(
      '<a href="https://github.com/octo-org/papers/blob/HEAD/notes/shikra.md">筆記</a>',
    );
    const built = await page();

    // A repository named wrongly is refused, saying which variable, and the site stays as it was.
    run = await build({ GITHUB_REPOSITORY: "octo-org" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GITHUB_REPOSITORY is "octo-org"; expected owner/name');
    run = await build({ GITHUB_REPOSITORY: "octo-org/papers", GITHUB_SERVER_URL: "github.com" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GITHUB_SERVER_URL is "github.com", which is not a URL');
    expect(await page()).toBe(built);

    // Named nowhere, the link stays as written.
    run = await build({});
    expect(run.code, run.stderr).toBe(0);
    expect(await page()).toContain('<a href="notes/shikra.md">筆記</a>');
  });

  it("starts its threads before reading the records, and stops them leaving every folder as it was when the records, config or templates fail", async () => {
    const records = await readFile(path.join(REPO, "data/papers.yaml"), "utf8");
    const dir = await siteProject(records);
    const build = () => runCliCaptured(["site", "--out", "out/site"], { cwd: dir });
    // Two builds: the second keeps the first's site beside its own, for the next build to write over.
    for (let i = 0; i < 2; i++) expect((await build()).code).toBe(0);
    const before = await treeOf(path.join(dir, "out"));
    expect(Object.keys(before).filter((f) => /^site\.old-\d+-\d+$/.test(f))).toHaveLength(1);
    const card = path.join(dir, "templates/site/card.html.hbs");
    const cardText = await readFile(card, "utf8");
    const breakages: [string, () => Promise<void>, () => Promise<void>, number, RegExp][] = [
      [
        "records",
        () =>
          writeFile(path.join(dir, "data/papers.yaml"), records.replace(/\n {4}title: /, "\n    title: [")),
        () => writeFile(path.join(dir, "data/papers.yaml"), records),
        1,
        /data\/papers\.yaml:\d+:\d+/,
      ],
      [
        "config",
        () => writeFile(path.join(dir, ".papershelf.yml"), "site:\n  lang: 'not a tag!'\n"),
        () => writeFile(path.join(dir, ".papershelf.yml"), "site:\n  lang: en\n"),
        2,
        /"site\.lang" should be a language tag/,
      ],
      ["templates", () => writeFile(card, "{{#each}"), () => writeFile(card, cardText), 2, /card\.html\.hbs/],
    ];
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    try {
      for (const [what, breakIt, mendIt, exit, message] of breakages) {
        await breakIt();
        terminate.mockClear();
        const run = await build();
        expect(run.code, what).toBe(exit);
        expect(run.stderr, what).toMatch(message);
        // Both threads (the writer's, the terms') were stopped; the kept site is back under its name.
        expect(terminate, what).toHaveBeenCalledTimes(2);
        expect(await treeOf(path.join(dir, "out")), what).toEqual(before);
        await mendIt();
      }
    } finally {
      terminate.mockRestore();
    }
    // The kept site is still the one the next build writes over.
    expect((await build()).code).toBe(0);
    const after = await readdir(path.join(dir, "out"));
    expect(after.filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(after.filter((f) => f.includes(".old-"))).toHaveLength(1);
  });

  it("hands the records to the build as it reads them, so a first build makes their folders meanwhile", async () => {
    const dir = await siteProject(makeSyntheticYaml(300));
    const makeAhead = vi.spyOn(FileWriter.prototype, "makeAhead");
    try {
      const run = await runCliCaptured(["site"], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      // In batches as the records were read, not all at once when they were: every entry's folder, once.
      const asked = makeAhead.mock.calls.map(([folders]) => folders.map((f) => path.basename(f)));
      expect(asked.length).toBeGreaterThan(1);
      const ids = (await readdir(path.join(dir, "_site/p"))).sort();
      expect(ids).toHaveLength(300);
      expect(asked.flat().sort()).toEqual(ids);
    } finally {
      makeAhead.mockRestore();
    }
  });

  it("refuses an output folder that is the project, holds it, or holds files it did not write, and changes nothing", async () => {
    const dir = await testTempDir("papershelf-site-cli-");
    const project = await siteProject(undefined, path.join(dir, "shelf"));
    await mkdir(path.join(project, ".git"));
    await writeFile(path.join(project, ".git/HEAD"), "ref: refs/heads/main\n");
    await mkdir(path.join(project, "docs"));
    await writeFile(path.join(project, "docs/notes.md"), "hand-written\n");
    await writeFile(path.join(project, "README.md"), "# shelf\n");
    await writeFile(path.join(project, "NOTES.txt"), "notes\n");
    const before = await treeOf(dir);
    const cases: [string, RegExp][] = [
      [
        ".",
        /refusing to write the site: \. is the folder papershelf runs in, and a site replaces its whole folder\. Give --out a folder of its own \(the default is _site\)\./,
      ],
      ["..", /refusing to write the site: \S+ holds the folder papershelf runs in \(\.\)/],
      ["data", /refusing to write the site: data holds the records file \(data\/papers\.yaml\)/],
      ["README.md", /refusing to write the site: README\.md is the README,/],
      [
        "docs",
        /refusing to write the site: docs holds files that papershelf did not write \(it has no \.papershelf-site\)/,
      ],
      ["NOTES.txt", /refusing to write the site: NOTES\.txt is a file, not a folder/],
    ];
    for (const [out, message] of cases) {
      const { code, stdout, stderr } = await runCliCaptured(["site", "--out", out], { cwd: project });
      expect(code, out).toBe(2);
      expect(stderr, out).toMatch(message);
      expect(stdout, out).toBe("");
      expect(await treeOf(dir), out).toEqual(before);
    }
    // A folder of its own is written, and the next build replaces it.
    for (let build = 0; build < 2; build++) {
      const { code, stderr } = await runCliCaptured(["site", "--out", "_site"], { cwd: project });
      expect(code, stderr).toBe(0);
    }
    expect(await readdir(path.join(project, "_site"))).toContain(".papershelf-site");
    expect(await readFile(path.join(project, "docs/notes.md"), "utf8")).toBe("hand-written\n");
  });
});

/** Every file under `dir` with its text, by relative path: what a refused build must leave as it was. */
async function treeOf(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    tree[path.relative(dir, full)] = entry.isFile() ? await readFile(full, "utf8") : "(folder)";
  }
  return tree;
}

/**
 * A project folder as `papershelf site` reads it: the repository's templates and a records file (the real
 * list's unless `records` is given), in a new temporary folder or in `dir`.
 */
async function siteProject(records?: string, dir?: string): Promise<string> {
  const project = dir ?? (await testTempDir("papershelf-site-cli-"));
  await cp(path.join(REPO, "templates"), path.join(project, "templates"), { recursive: true });
  await mkdir(path.join(project, "data"));
  await writeFile(
    path.join(project, "data/papers.yaml"),
    records ?? (await readFile(path.join(REPO, "data/papers.yaml"), "utf8")),
  );
  return project;
}

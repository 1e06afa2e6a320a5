/**
 * The term thread (terms-thread.ts) must give what the same work gives in this thread: the related entries
 * and the search index's exact bytes; and a failure on the thread must reach the caller, not hang the build.
 */
import { Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { buildSearchIndex, entrySearchText, searchFields } from "../../src/site/index.js";
import { termsOfEntries, type TermInput } from "../../src/site/entry-terms.js";
import { termInput } from "../../src/site/term-input.js";
import { bootTermThread, startTermThread } from "../../src/site/terms-thread.js";
import { RELATED_RUN_RECORDS } from "../../src/site/related-packed.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";

async function onThread(input: TermInput | (() => TermInput)) {
  const thread = startTermThread(input);
  try {
    return { related: await thread.related, index: new TextDecoder().decode(await thread.searchIndex) };
  } finally {
    await thread.close();
  }
}

describe("the term thread", () => {
  it("gives the related entries and the search index that the build computes in one thread", async () => {
    const fixture = await readSiteFixture();
    const synthetic = makeSyntheticList(300).entries.map((e, i) => ({
      ...e,
      abstract: `${e.title} with ${i % 7} tuning and retrieval, ${(e.summary ?? "").slice(0, 40)}`,
    }));
    for (const entries of [fixture.entries, synthetic]) {
      const here = termsOfEntries(termInput(entries));
      const expected = here.related();
      // A fresh input (the thread takes its buffer), made while the thread boots, as the build does.
      const there = await onThread(() => termInput(entries));
      for (const e of entries) expect(there.related.get(e.id), e.id).toEqual(expected.get(e.id));
      expect(there.related.get("no such id")).toBeUndefined();
      expect(there.index).toBe(here.searchIndex());
      expect([...expected.values()].some((r) => r.length > 0)).toBe(true);
    }
  });

  it("sends the related entries in runs, in record order, as the rest are computed", async () => {
    const entries = makeSyntheticList(2 * RELATED_RUN_RECORDS + 34).entries;
    const expected = termsOfEntries(termInput(entries)).related();
    const thread = startTermThread(() => termInput(entries));
    try {
      const runs: [number, number][] = [];
      for await (const { from, to, related } of thread.relatedRuns()) {
        runs.push([from, to]);
        // Each run's records are there when it is handed out, whether or not the later ones are.
        for (const e of entries.slice(from, to)) expect(related.get(e.id), e.id).toEqual(expected.get(e.id));
      }
      expect(runs).toEqual([
        [0, RELATED_RUN_RECORDS],
        [RELATED_RUN_RECORDS, 2 * RELATED_RUN_RECORDS],
        [2 * RELATED_RUN_RECORDS, entries.length],
      ]);
      const all = await thread.related;
      for (const e of entries) expect(all.get(e.id), e.id).toEqual(expected.get(e.id));
    } finally {
      await thread.close();
    }
  });

  it("hands the thread every text exactly: lone surrogates, astral and CJK characters, NUL, empty fields", async () => {
    // Texts travel one byte a character up to U+00FF (café, ÿ), two from U+0100 (Ā, ł) on.
    const odd = ["lone \ud800 high", "lone \udc00 low", "𠀀𪚥 微調", "nul\u0000byte", "", "é́ ＡＢＣ ﬁ"];
    odd.push("café ÿ ü\u00ff", "Āł ÿ", "plain ascii");
    const entries = makeSyntheticList(12).entries.map((e, i) => ({
      ...e,
      title: `${odd[i % odd.length] ?? ""} ${i}`,
      abstract: odd[(i + 1) % odd.length],
      authors: i % 2 === 0 ? [odd[(i + 2) % odd.length] ?? ""] : [],
    }));
    const docs = entries.map((e) => ({ ...entrySearchText(e), id: e.id }));
    expect((await onThread(termInput(entries))).index).toBe(buildSearchIndex(docs, searchFields()));
  });

  it("throws what making the input throws, and stops the thread it had started", async () => {
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    try {
      expect(() =>
        startTermThread(() => {
          throw new Error("no texts");
        }),
      ).toThrow("no texts");
      await vi.waitFor(() => expect(terminate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    } finally {
      terminate.mockRestore();
    }
  });

  it("reports a failure on the thread as a rejected result", async () => {
    // No field list: the thread's first step throws.
    const broken = { ...termInput([]), ids: ["a"], fields: null };
    const thread = startTermThread(broken as unknown as TermInput);
    await expect(thread.related).rejects.toThrow(/term thread failed/);
    await expect(thread.relatedRuns()[Symbol.asyncIterator]().next()).rejects.toThrow(/term thread failed/);
    await expect(thread.searchIndex).rejects.toThrow(/term thread failed/);
    await thread.close();
  });

  it("boots before its input is known: run later, it gives the same; never run, it stops when closed", async () => {
    const entries = makeSyntheticList(40).entries;
    const here = termsOfEntries(termInput(entries));
    const boot = bootTermThread();
    // The thread boots while this one does other work (reading the records, in `papershelf site`).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const thread = boot.run(() => termInput(entries));
    expect(() => boot.run(termInput(entries))).toThrow("the term thread runs once");
    try {
      expect(new TextDecoder().decode(await thread.searchIndex)).toBe(here.searchIndex());
      const related = await thread.related;
      for (const [id, list] of here.related()) expect(related.get(id), id).toEqual(list);
    } finally {
      await boot.close();
    }
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    try {
      await bootTermThread().close();
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      terminate.mockRestore();
    }
  });
});

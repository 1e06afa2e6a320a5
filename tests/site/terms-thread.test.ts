/**
 * The term thread (terms-thread.ts) must give what the same work gives in this thread: the related entries
 * and the search index's exact bytes; and a failure on the thread must reach the caller, not hang the build.
 */
import { describe, expect, it } from "vitest";
import { termsOfEntries, type TermInput } from "../../src/site/entry-terms.js";
import { termInput } from "../../src/site/term-input.js";
import { startTermThread } from "../../src/site/terms-thread.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";

async function onThread(input: TermInput) {
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
      const input = termInput(entries);
      const here = termsOfEntries(input);
      const there = await onThread(input);
      expect(there.related).toEqual(here.related());
      expect(there.index).toBe(here.searchIndex().join(""));
      expect([...there.related.values()].some((r) => r.length > 0)).toBe(true);
    }
  });

  it("reports a failure on the thread as a rejected result", async () => {
    const broken = {
      ids: ["a"],
      fields: ["title"],
      packed: null,
      bounds: new Int32Array(2),
      unsearchedRelated: [[]],
    };
    const thread = startTermThread(broken as unknown as TermInput);
    await expect(thread.related).rejects.toThrow(/term thread failed/);
    await expect(thread.searchIndex).rejects.toThrow(/term thread failed/);
    await thread.close();
  });
});

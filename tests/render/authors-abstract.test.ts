import { describe, expect, test } from "vitest";
import { createEntryRenderer } from "../../src/intake/preview.js";
import type { Entry } from "../../src/records/schema.js";
import { buildEntryView, shortenNames } from "../../src/render/view-model.js";
import { renderGfm } from "./gfm.js";
import { loadTemplates } from "./fixtures.js";

const base: Entry = {
  id: "shikra",
  title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic",
  url: "https://arxiv.org/abs/2306.15195",
  kind: "paper",
  category: "image-to-text",
  summary: "以座標對話的多模態 LLM。",
};
const FIVE = ["Keqin Chen", "Zhao Zhang", "Weili Zeng", "Richong Zhang", "Feng Zhu"];

describe("authors and abstract in the README entry and the intake preview", () => {
  test("authors are shortened after 3 with et al.; up to 3 are all shown", () => {
    expect(shortenNames(FIVE)).toBe("Keqin Chen, Zhao Zhang, Weili Zeng et al.");
    expect(shortenNames(FIVE.slice(0, 3))).toBe("Keqin Chen, Zhao Zhang, Weili Zeng");
    expect(shortenNames(FIVE.slice(0, 1))).toBe("Keqin Chen");
    expect(shortenNames([])).toBe("");
    const view = buildEntryView({ ...base, authors: FIVE });
    expect(view.authors).toBe("Keqin Chen, Zhao Zhang, Weili Zeng et al.");
    expect(view.authorsList).toEqual(FIVE);
  });

  test("names are escaped like every other plain text", () => {
    const view = buildEntryView({ ...base, authors: ["<b>Eve</b>", "A*B"] });
    expect(view.authors).toBe("&lt;b&gt;Eve&lt;/b&gt;, A&#42;B");
  });

  test("the entry shows the authors under the title and the abstract folded after the 摘要", async () => {
    const render = createEntryRenderer(await loadTemplates());
    const abstract = "We present **Shikra**, an MLLM that\nhandles spatial coordinate inputs.";
    const text = render({ ...base, authors: FIVE, abstract });
    expect(text).toContain("\n\n*Keqin Chen, Zhao Zhang, Weili Zeng et al.*\n");
    const html = renderGfm(text);
    expect(html).toContain("<em>Keqin Chen, Zhao Zhang, Weili Zeng et al.</em>");
    const summaryAt = html.indexOf("<summary>摘要</summary>");
    const abstractAt = html.indexOf("<summary>Abstract</summary>");
    expect(summaryAt).toBeGreaterThan(-1);
    expect(abstractAt).toBeGreaterThan(summaryAt);
    expect(html.slice(abstractAt)).toContain("<strong>Shikra</strong>");
  });

  test("an entry without authors or abstract renders exactly as before they existed", async () => {
    const render = createEntryRenderer(await loadTemplates());
    const text = render({ ...base, title: "Shikra" });
    // Byte for byte what the template gave before the two fields were added.
    expect(text).toBe(
      "**[Shikra](https://arxiv.org/abs/2306.15195)**\n\n<details><summary>摘要</summary>\n\n以座標對話的多模態 LLM。\n\n</details>\n\n---\n",
    );
  });
});

import { judgeImageUrl } from "../urls.js";
import { allUrls, quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

export const imageUrl: LintRule = {
  id: "image-url",
  description:
    "An image URL does not point at an image (a GitHub blob page, a HackMD size suffix, a web page).",
  defaultSetting: "warning",
  rationale:
    "The README embeds images, so the URL must return the image itself. `github.com/…/blob/…/x.png` is an " +
    "HTML page (add `?raw=true` or use `/raw/`); `/raw/` paths, raw.githubusercontent.com, " +
    "`user-attachments/assets` and the camo proxy are images. HackMD's `=80%x` size suffix is not part of " +
    "a URL: the width goes in `width`. Applies to `images` and to `![…](…)` inside Markdown.",
  examples: {
    pass: `- id: drag-your-gan
  title: "Drag Your GAN: Interactive Point-based Manipulation on the Generative Image Manifold"
  url: https://arxiv.org/abs/2305.10973
  kind: paper
  category: llm
  date: 2023-05-18
  images:
    - url: https://github.com/XingangPan/DragGAN/blob/main/DragGAN.gif?raw=true`,
    fail: `- id: drag-your-gan
  title: "Drag Your GAN: Interactive Point-based Manipulation on the Generative Image Manifold"
  url: https://arxiv.org/abs/2305.10973
  kind: paper
  category: llm
  date: 2023-05-18
  images:
    - url: https://github.com/XingangPan/DragGAN/blob/main/DragGAN.gif`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    for (const ref of allUrls(data)) {
      if (!ref.image) continue;
      const url = ref.parsed;
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) continue;
      const verdict = judgeImageUrl(url);
      if (verdict.ok) continue;
      findings.push({
        path: ref.path,
        ...(ref.range ? { range: ref.range } : {}),
        message: `${ref.name} ${quote(ref.url, 80)} ${verdict.problem}; expected ${verdict.expected}`,
      });
    }
    return findings;
  },
};

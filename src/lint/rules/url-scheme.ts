import { allUrls, quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

export const urlScheme: LintRule = {
  id: "url-scheme",
  description: "A URL is not a valid http(s) URL (`javascript:`, `data:`, `ftp:`, unparsable).",
  defaultSetting: "error",
  rationale:
    "Every link the README shows must open a web page. `javascript:` and `data:` links are how Markdown " +
    "carries script and hidden content; `file:`, `ftp:` and unparsable URLs reach nothing. The schema " +
    "already requires `http(s)://` in URL fields; this rule also checks links and images inside 摘要, " +
    "notes and intros.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27
  summary: Code at [GitHub](https://github.com/shikras/shikra).`,
    fail: `${SHIKRA}
  date: 2023-06-27
  summary: Code at [GitHub](javascript:alert(1)).`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    for (const ref of allUrls(data)) {
      const url = ref.parsed;
      const where = { path: ref.path, ...(ref.range ? { range: ref.range } : {}) };
      if (!url) {
        // Relative links inside text ("#section") are the renderer's business, not a broken URL.
        if (ref.range && !/^[a-z][a-z0-9+.-]*:/i.test(ref.url)) continue;
        findings.push({
          ...where,
          message: `${ref.name} ${quote(ref.url)} is not a valid URL; expected https://…`,
        });
      } else if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "mailto:") {
        findings.push({
          ...where,
          message: `${ref.name} uses the ${url.protocol} scheme (${quote(ref.url, 40)}); expected an http(s) URL`,
        });
      }
    }
    return findings;
  },
};

import { isPublicUrl } from "../../urls/index.js";
import { allUrls, quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

export const urlLocalHost: LintRule = {
  id: "url-local-host",
  description: "A URL points at a loopback, private or local-only host, or carries a password.",
  defaultSetting: "error",
  rationale:
    "`localhost`, `127.0.0.1`, `10.x`, `192.168.x`, `*.local` and similar reach the reader's own machine or " +
    "network, never the work: at best a broken link, at worst a probe of the reader's network. A URL with " +
    "`user:password@` publishes a credential.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27`,
    fail: `${SHIKRA}
  date: 2023-06-27
  links:
    - label: Demo
      url: http://127.0.0.1:7860/`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    for (const ref of allUrls(data)) {
      const url = ref.parsed;
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) continue;
      const where = { path: ref.path, ...(ref.range ? { range: ref.range } : {}) };
      if (!isPublicUrl(url)) {
        findings.push({
          ...where,
          message: `${ref.name} points at the local or private host ${url.hostname} (${quote(ref.url, 40)}); expected a public URL`,
        });
      } else if (url.username || url.password) {
        findings.push({
          ...where,
          message: `${ref.name} contains a user name or password before the host; expected a URL without credentials`,
        });
      }
    }
    return findings;
  },
};

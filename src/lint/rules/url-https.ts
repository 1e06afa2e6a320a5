import { bareHost } from "../normalize.js";
import { expectsHttps, HTTPS_HOSTS } from "../urls.js";
import { allUrls } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

export const urlHttps: LintRule = {
  id: "url-https",
  description: "A link uses `http:` to a site that serves https.",
  defaultSetting: "warning",
  rationale:
    "Plain http can be altered on the way and browsers warn about it. For hosts known to serve every page " +
    `over https (${HTTPS_HOSTS.slice(0, 8).join(", ")}, …) the https URL is always right. Other hosts are ` +
    "not judged: some academic sites still serve http only.",
  examples: {
    pass: `- id: bayling
  title: "BayLing: Bridging Cross-lingual Alignment and Instruction Following"
  url: https://arxiv.org/abs/2306.10968
  kind: paper
  category: llm
  date: 2023-06-19
  links:
    - label: Demo
      url: http://nlp.ict.ac.cn/bayling/demo`,
    fail: `- id: bayling
  title: "BayLing: Bridging Cross-lingual Alignment and Instruction Following"
  url: http://arxiv.org/abs/2306.10968
  kind: paper
  category: llm
  date: 2023-06-19`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    for (const ref of allUrls(data)) {
      const url = ref.parsed;
      if (!url || url.protocol !== "http:" || !expectsHttps(url)) continue;
      findings.push({
        path: ref.path,
        ...(ref.range ? { range: ref.range } : {}),
        message: `${ref.name} uses http:// for ${bareHost(url)}, which serves https; expected ${ref.url.replace(/^http:/i, "https:")}`,
      });
    }
    return findings;
  },
};

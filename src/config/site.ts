/**
 * The `site` section of `.papershelf.yml`, every key optional:
 *
 *   site:
 *     url: https://<owner>.github.io/<repo>/   # where pages.yml publishes it; the README links it
 *     title: papershelf 論文書架                 # default: the list's title, else "papershelf"
 *     lang: zh-Hant                              # the pages' language (BCP 47), default "en"
 */
import type { ProjectConfig } from "./load.js";
import { sectionOf } from "./load.js";
import type { Diagnostic } from "../records/index.js";

export interface SiteConfig {
  url: string;
  title: string;
  lang: string;
}

export type SiteConfigResult = { ok: true; site: SiteConfig } | { ok: false; errors: Diagnostic[] };

const KEYS = ["url", "title", "lang"] as const;
const CHECKS: Record<(typeof KEYS)[number], { test: RegExp; expected: string }> = {
  url: {
    test: /^https:\/\/[^\s/]+\/(?:\S*\/)?$/,
    expected: "an https URL ending in /, e.g. https://owner.github.io/repo/",
  },
  title: { test: /\S/, expected: "the site's name (text)" },
  lang: {
    test: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
    expected: 'a language tag such as "en" or "zh-Hant"',
  },
};

/** Validates the raw section; `listTitle` is the records' `list.title`, the default site title. */
export function parseSiteConfig(config: ProjectConfig, listTitle: string | undefined): SiteConfigResult {
  const section = sectionOf(config, "site");
  const site: SiteConfig = { url: "", title: listTitle ?? "papershelf", lang: "en" };
  const value = section.value;
  if (value === undefined || value === null) return { ok: true, site };
  const errors: Diagnostic[] = [];
  const fail = (path: string[], message: string) =>
    errors.push({
      ruleId: "config",
      severity: "error",
      message,
      file: section.file,
      ...section.position(path),
    });
  if (typeof value !== "object" || Array.isArray(value)) {
    fail([], `"site" should be a mapping with keys ${KEYS.join(", ")}`);
    return { ok: false, errors };
  }
  for (const [key, raw] of Object.entries(value)) {
    const check = CHECKS[key as keyof typeof CHECKS];
    if (!check) fail([key], `unknown key "site.${key}"; expected one of: ${KEYS.join(", ")}`);
    else if (typeof raw !== "string" || !check.test.test(raw))
      fail([key], `"site.${key}" should be ${check.expected}; found ${JSON.stringify(raw)}`);
    else site[key as keyof SiteConfig] = raw;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, site };
}

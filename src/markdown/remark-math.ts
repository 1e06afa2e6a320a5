/**
 * remark-math (micromark-extension-math: `$…$`, `$$…$$`), loaded the first time a text is parsed with math.
 * Only the site reads math (it renders it, as GitHub does), so nothing else pays for loading it; and the
 * Action's bundle, which never parses math, does not carry it (or KaTeX, which it pulls in).
 */
import { createRequire } from "node:module";
import type RemarkMath from "remark-math";

export function loadRemarkMath(): typeof RemarkMath {
  const require = createRequire(import.meta.url);
  return (require("remark-math") as { default: typeof RemarkMath }).default;
}

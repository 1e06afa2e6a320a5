/**
 * The health run's arXiv step: what `papershelf enrich` does, on the text the link fixes produced, so the
 * weekly fixes pull request also fills what arXiv knows and the records lack. arXiv being unreachable costs
 * a warning, never the link fixes.
 */
import path from "node:path";
import {
  ARXIV_CACHE_FILE,
  arxivIdOf,
  planEnrichment,
  readArxivCache,
  writeArxivCache,
} from "../arxiv/index.js";
import { addEntryFields, parseRecords } from "../records/index.js";
import type { CommandContext } from "./context.js";

export interface FilledValue {
  entryId: string;
  key: string;
}

export async function enrichFromArxiv(
  ctx: CommandContext,
  text: string,
  file: string,
): Promise<{ text: string; filled: FilledValue[] }> {
  const records = parseRecords(text, file);
  if (!records.ok) return { text, filled: [] };
  const ids = records.data.entries.map(arxivIdOf).filter((id): id is string => id !== undefined);
  if (ids.length === 0) return { text, filled: [] };
  const cacheFile = path.resolve(ctx.run.workspace, ARXIV_CACHE_FILE);
  const { cache } = await readArxivCache(cacheFile);
  const client = ctx.arxiv(cache);
  const lookup = await client.lookup(ids);
  if (!lookup.ok) {
    ctx.reporter.annotate("warning", `arXiv values not filled: ${lookup.message}`);
    return { text, filled: [] };
  }
  await writeArxivCache(cacheFile, client.cache());
  const plan = planEnrichment(records.data, lookup.papers);
  for (const { entryId, arxiv } of plan.unknown)
    ctx.reporter.annotate("warning", `entry "${entryId}": arXiv has no paper ${arxiv}; check its arxiv id`);
  if (plan.additions.length === 0) return { text, filled: [] };
  const edit = addEntryFields(text, plan.additions, file);
  if (!edit.ok) {
    ctx.reporter.annotate("warning", `arXiv values not filled: ${edit.errors[0]?.message ?? "edit refused"}`);
    return { text, filled: [] };
  }
  const filled = plan.additions.map((a) => ({
    entryId: records.data.entries[a.entryIndex]?.id ?? "",
    key: a.key,
  }));
  return { text: edit.text, filled };
}

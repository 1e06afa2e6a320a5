/**
 * `checkProject`: the check as the CLI and the Action both run it: the success cache and the failure history
 * read from their files, every target checked (links over HTTP, repositories over GraphQL), then both files
 * written back for the next run. Which targets, and what becomes of the report, stay with the edges.
 */
import {
  readCacheFile,
  readStateFile,
  runCheck,
  writeJsonFile,
  type CheckRun,
  type CheckTarget,
  type LinkCheckOptions,
  type RunCheckDeps,
  type Shard,
} from "../check/index.js";

export interface CheckProjectInput {
  targets: readonly CheckTarget[];
  /** The engine's options: the config's `check:` section with the edge's overrides applied. */
  links: Partial<LinkCheckOptions>;
  staleMonths?: number;
  shard?: Shard;
  /** The success cache; undefined: neither read nor written (`--no-cache`). */
  cacheFile?: string;
  /** The failure history behind the two-run rule. */
  stateFile: string;
  /** Notes for the report from the edge. */
  notes?: string[];
  /** `check --offline`: no request; the cache answers, the rest is `unchecked`, the history is left alone. */
  offline?: boolean;
}

export async function checkProject(input: CheckProjectInput, clients: RunCheckDeps): Promise<CheckRun> {
  const cached = input.cacheFile === undefined ? undefined : await readCacheFile(input.cacheFile);
  const state = await readStateFile(input.stateFile);
  const notes = [...(input.notes ?? [])];
  for (const note of [cached?.note, state.note]) if (note) notes.push(note);
  const run = await runCheck(input.targets, clients, {
    links: input.links,
    ...(input.staleMonths !== undefined ? { staleMonths: input.staleMonths } : {}),
    ...(input.shard ? { shard: input.shard } : {}),
    ...(cached ? { cache: cached.cache } : {}),
    state: state.state,
    notes,
    ...(input.offline ? { offline: true } : {}),
  });
  if (input.cacheFile !== undefined) await writeJsonFile(input.cacheFile, run.cache);
  if (!input.offline) await writeJsonFile(input.stateFile, run.state);
  return run;
}

/**
 * The arXiv client as the CLI builds it: PAPERSHELF_ARXIV_API_URL (tests and mirrors point it elsewhere)
 * and the repository's URL for the User-Agent's contact are read here, at the edge, and nowhere else.
 */
import path from "node:path";
import {
  ARXIV_CACHE_FILE,
  ARXIV_USER_AGENT,
  createArxivClient,
  readArxivCache,
  writeArxivCache,
  type ArxivClient,
} from "../arxiv/index.js";
import { ConfigError } from "../errors.js";
import type { CliContext } from "./context.js";

/** arXiv asks callers to say who they are: the list's own repository when known, else papershelf's. */
function userAgentFor(env: CliContext["env"]): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = env;
  return server && repo ? `papershelf (+${server}/${repo})` : ARXIV_USER_AGENT;
}

export interface CliArxiv {
  client: ArxivClient;
  /** Writes what the client learned back to the cache file. */
  save(): Promise<void>;
}

export async function arxivFromEnv(ctx: CliContext): Promise<CliArxiv> {
  const file = path.resolve(ctx.cwd, ARXIV_CACHE_FILE);
  const { cache, note } = await readArxivCache(file);
  if (note) ctx.stderr.write(`papershelf: ${note}\n`);
  const apiUrl = ctx.env.PAPERSHELF_ARXIV_API_URL;
  // Checked here, where the variable is read: a bad one was an internal error ("TypeError: Invalid URL").
  if (apiUrl && !URL.canParse(apiUrl))
    throw new ConfigError(
      `PAPERSHELF_ARXIV_API_URL is "${apiUrl}", which is not a URL; unset it, or give the full address of an arXiv API (e.g. http://127.0.0.1:8080/api/query)`,
    );
  const client = createArxivClient({
    ...(apiUrl ? { apiUrl } : {}),
    userAgent: userAgentFor(ctx.env),
    cache,
  });
  return { client, save: () => writeArxivCache(file, client.cache()) };
}

/**
 * The commit a submission's pull request is built on, and the files it is computed from.
 *
 * Why the API and not the checkout: an issue run checks out main as it was when the event fired, and may finish
 * after a push to main has already moved every submission onto the newer main (the push's refresh runs in
 * another concurrency group). Built on its checkout, the issue run would then move its pull request back onto
 * the old main, and check duplicates against an old list. So the intake reads the default branch's head, and
 * the data, form, templates and generated files at that commit, through the API when it publishes; and checks
 * again right before writing that main has not moved meanwhile (see takeSubmission). The workspace is used
 * only by dry runs, which publish nothing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getBranchHead, readFileAt } from "../github/index.js";
import type { CommandContext } from "./context.js";

export interface SubmissionBase {
  /** The commit the files come from, and the parent of the pull request's commit. */
  sha: string;
  /** A file of that commit by workspace path (as the config resolves it); undefined when it does not exist. */
  readText(file: string): Promise<string | undefined>;
}

async function readWorkspaceFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
}

/** The checkout as the base: for dry runs, and for paths outside the repository. */
export function workspaceBase(ctx: CommandContext, sha: string): SubmissionBase {
  return { sha, readText: (file) => readWorkspaceFile(path.resolve(ctx.run.workspace, file)) };
}

/**
 * Reads bases from the default branch. Files are cached by commit and path, so a refresh of many submissions
 * on one main reads each file once.
 */
export function createBaseReader(ctx: CommandContext): () => Promise<SubmissionBase> {
  const cache = new Map<string, Promise<string | undefined>>();
  return async () => {
    const gh = ctx.github();
    const sha = await getBranchHead(gh, ctx.run.repo, ctx.run.defaultBranch);
    if (sha === undefined) throw new Error(`the default branch ${ctx.run.defaultBranch} does not exist`);
    const local = workspaceBase(ctx, sha);
    return {
      sha,
      readText: (file) => {
        const repoPath = ctx.relative(path.resolve(ctx.run.workspace, file));
        if (repoPath.startsWith("../") || path.isAbsolute(repoPath)) return local.readText(file);
        const key = `${sha}:${repoPath}`;
        let text = cache.get(key);
        if (!text) cache.set(key, (text = readFileAt(gh, ctx.run.repo, repoPath, sha)));
        return text;
      },
    };
  };
}

/** The default branch's head now, to tell whether a base is still current right before publishing. */
export async function currentHead(ctx: CommandContext): Promise<string | undefined> {
  return getBranchHead(ctx.github(), ctx.run.repo, ctx.run.defaultBranch);
}

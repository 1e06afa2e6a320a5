/**
 * Runs the term work of a site build (entry-terms.ts: numbering every record's terms, the related entries,
 * the search index: about half the build's CPU at 10,000 records) on a thread of its own, so it runs on the
 * second core while the main thread renders the pages.
 *
 * Where the thread's code comes from: in the npm package it is lib/terms-worker.js, an entry point of the
 * lib/ bundle (scripts/build-lib.ts) beside the chunk this code is in. From the TypeScript sources (tsx,
 * vitest) a worker cannot load .ts files, so terms-worker.ts and its few imports are bundled into one script
 * with esbuild (a devDependency, present wherever src/ runs), once per process: about 30 ms.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type * as Esbuild from "esbuild";
import type { TermInput } from "./entry-terms.js";
import type { RelatedLookup } from "./related.js";
import { runEnd, unpackRelated, type PackedRelated } from "./related-packed.js";
import type { TermThreadReply } from "./terms-worker.js";
import { THREAD_RESOURCE_LIMITS } from "./thread-limits.js";

/** Records [from, to) have their related entries in `related` (which may hold more). */
export interface RelatedRun {
  from: number;
  to: number;
  related: RelatedLookup;
}

export interface TermThread {
  /** The related entries of every record, by id, once all have arrived. */
  related: Promise<RelatedLookup>;
  /** The same as they arrive, a run of records at a time in record order: pages can be made per run. */
  relatedRuns(): AsyncIterable<RelatedRun>;
  /** search-index.json, as UTF-8. */
  searchIndex: Promise<Uint8Array>;
  /** Stops the thread (at once, whatever it is doing). */
  close(): Promise<void>;
}

let bundled: Promise<string> | undefined;
/** The bundle once made: later threads start without waiting for a promise. */
let bundledSource: string | undefined;

/** terms-worker.ts bundled as one CommonJS script, for a thread started from the TypeScript sources. */
function bundledWorkerSource(entry: string): Promise<string> {
  // A name in a variable, so that the lib/ bundle leaves this import alone (esbuild is not a dependency).
  const esbuild = "esbuild";
  return (bundled ??= (import(esbuild) as Promise<typeof Esbuild>)
    .then(({ build }) =>
      build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: "cjs",
        platform: "node",
        target: "node20",
        logLevel: "silent",
      }),
    )
    .then((result) => (bundledSource = result.outputFiles[0]?.text ?? "")));
}

/**
 * The thread, constructed before this returns whenever its code is at hand (lib/terms-worker.js, or the
 * bundle made earlier in this process): it then boots while the caller goes on.
 */
function startWorker(): Worker | Promise<Worker> {
  const here = import.meta.url;
  // A small young generation (thread-limits.ts says why).
  const resourceLimits = THREAD_RESOURCE_LIMITS;
  if (!here.endsWith(".ts")) return new Worker(new URL("./terms-worker.js", here), { resourceLimits });
  if (bundledSource !== undefined) return new Worker(bundledSource, { eval: true, resourceLimits });
  return bundledWorkerSource(fileURLToPath(new URL("./terms-worker.ts", here))).then(
    (source) => new Worker(source, { eval: true, resourceLimits }),
  );
}

/** A term thread started before its input is known (`bootTermThread`). */
export interface TermThreadBoot {
  /**
   * Gives the thread its input (its texts' buffer moves to the thread), once; its results arrive on the
   * TermThread. What making the input throws is thrown here, and the thread is stopped.
   */
  run(input: TermInput | (() => TermInput)): TermThread;
  /** Stops the thread, run or not. */
  close(): Promise<void>;
}

/**
 * Starts the thread before there is anything to give it: it loads its code (~60 ms on a fresh thread) on the
 * core that idles while this one reads the records (`papershelf site` starts it before reading them).
 */
export function bootTermThread(): TermThreadBoot {
  const booting = startWorker();
  const stop = () =>
    Promise.resolve(booting)
      .then((w) => w.terminate())
      .then(
        () => undefined,
        () => undefined,
      );
  let thread: TermThread | undefined;
  return {
    run(input) {
      if (thread) throw new Error("the term thread runs once");
      let made: TermInput;
      try {
        made = typeof input === "function" ? input() : input;
      } catch (error) {
        void stop();
        throw error;
      }
      return (thread = runOn(booting, made));
    },
    close: () => thread?.close() ?? stop(),
  };
}

/**
 * Starts the thread on `input` (its texts' buffer moves to the thread); its two results arrive as promises.
 * Given a function, the thread is started first and the input made here while it boots: a fresh thread takes
 * ~60 ms to load its code, on the core that would otherwise idle while this one packs 10,000 records' texts.
 */
export function startTermThread(input: TermInput | (() => TermInput)): TermThread {
  return bootTermThread().run(input);
}

/** The thread (booted, or booting) given `made`, and its results as they come. */
function runOn(booting: Worker | Promise<Worker>, made: TermInput): TermThread {
  const { ids } = made;
  // The runs so far, one lookup over all of them, and who waits for the next.
  const runs: PackedRelated[] = [];
  const lookup = unpackRelated(ids, runs);
  let failure: Error | undefined;
  let waiting: (() => void)[] = [];
  const wake = () => {
    const woken = waiting;
    waiting = [];
    for (const resume of woken) resume();
  };
  let worker: Worker | undefined;
  let settleRelated!: { resolve: (r: RelatedLookup) => void; reject: (e: Error) => void };
  let settleIndex!: { resolve: (r: Uint8Array) => void; reject: (e: Error) => void };
  const related = new Promise<RelatedLookup>((resolve, reject) => {
    settleRelated = { resolve, reject };
  });
  const searchIndex = new Promise<Uint8Array>((resolve, reject) => {
    settleIndex = { resolve, reject };
  });
  // A build that fails first (a template error) never awaits these: no unhandled rejection then.
  related.catch(() => undefined);
  searchIndex.catch(() => undefined);
  const fail = (error: Error) => {
    failure ??= error;
    settleRelated.reject(error);
    settleIndex.reject(error);
    wake();
  };
  const addRun = (run: PackedRelated) => {
    runs.push(run);
    if (runEnd(run) >= ids.length) settleRelated.resolve(lookup);
    wake();
  };
  async function* relatedRuns(): AsyncGenerator<RelatedRun> {
    for (let next = 0; ; next++) {
      while (next >= runs.length) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      const run = runs[next] as PackedRelated;
      yield { from: run.first, to: runEnd(run), related: lookup };
      // The thread always sends a run, an empty one for no records, and the last ends at the last record.
      if (runEnd(run) >= ids.length) return;
    }
  }
  const start = (w: Worker) => {
    worker = w;
    w.on("message", (reply: TermThreadReply) => {
      if ("related" in reply) addRun(reply.related);
      else if ("searchIndex" in reply) settleIndex.resolve(reply.searchIndex);
      else fail(new Error(`the site's term thread failed: ${reply.error}`));
    });
    w.on("error", fail);
    w.on("exit", () => fail(new Error("the site's term thread stopped before it finished")));
    w.postMessage(made, [made.units]);
  };
  // Posted now when the thread is at hand, not once this thread next waits: the caller goes on to render
  // the entries' Markdown (0.3 s at 10,000 records), and the term thread, the longer of the two, sat idle
  // for that long.
  const started = (
    booting instanceof Worker ? new Promise<void>((resolve) => resolve(start(booting))) : booting.then(start)
  ).catch((error: unknown) => {
    fail(new Error("the site's term thread did not start", { cause: error }));
    return worker?.terminate();
  });
  return {
    related,
    relatedRuns,
    searchIndex,
    close: async () => {
      await started;
      await worker?.terminate();
    },
  };
}

/**
 * What the machine charges that the code does not decide, printed beside the figures it skews: the first
 * touch of fresh memory (on the project's Firecracker VMs ~4 ms per MB, against well under 1 ms on most
 * hardware, and V8 hands freed pages back, so every run pays it again) and CA certificates node loads at
 * every start when NODE_EXTRA_CA_CERTS is set (this sandbox sets it; GitHub's runners do not).
 */
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

/** Milliseconds per MB for the first write to fresh memory, and for a second write to the same pages. */
export function freshMemoryCost(megabytes = 32): { firstMsPerMb: number; againMsPerMb: number } {
  const bytes = megabytes << 20;
  const buffer = Buffer.allocUnsafeSlow(bytes);
  const touch = (value: number) => {
    const start = performance.now();
    for (let i = 0; i < bytes; i += 4096) buffer[i] = value;
    return (performance.now() - start) / megabytes;
  };
  const firstMsPerMb = touch(1);
  return { firstMsPerMb, againMsPerMb: touch(2) };
}

/**
 * Milliseconds per 1,000 folders with one file of `bytes` each, written with plain synchronous calls (as the
 * site's writer thread does), timed over `count` of them in a fresh folder under `parent`, which is returned
 * for the caller to remove when it suits it: on ext4 without a journal, removing files makes the next new
 * ones slower for minutes (see bench/site.bench.ts). On the project's VMs this swings between runs by a factor
 * of three or more, so a site-build figure says little without it.
 */
export function folderAndFileCost(
  parent: string,
  count = 2_000,
  bytes = 16_384,
): { msPerThousand: number; folder: string } {
  const folder = mkdtempSync(path.join(parent, "papershelf-fs-cost-"));
  const content = Buffer.alloc(bytes, 0x61);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const sub = path.join(folder, String(i));
    mkdirSync(sub);
    const fd = openSync(path.join(sub, "index.html"), "w");
    writeSync(fd, content);
    closeSync(fd);
  }
  return { msPerThousand: ((performance.now() - start) * 1_000) / count, folder };
}

/** One line for a bench header; `measured`: the fresh-memory cost, when the caller has just measured it. */
export function machineLine(measured = freshMemoryCost()): string {
  const { firstMsPerMb, againMsPerMb } = measured;
  const ca = process.env.NODE_EXTRA_CA_CERTS
    ? "; NODE_EXTRA_CA_CERTS is set, so every node start also loads those certificates"
    : "";
  // The processor and cores, so figures from GitHub's runners (.github/workflows/bench.yml) and from here compare.
  const cpu = `${cpus()[0]?.model.trim() ?? "unknown processor"}, ${availableParallelism()} cores, Node ${process.version}`;
  return `${cpu}; fresh memory costs ${firstMsPerMb.toFixed(2)} ms/MB at first touch (${againMsPerMb.toFixed(2)} after)${ca}`;
}

/**
 * Runs `node <args>` in `cwd` through sh, returning wall ms and the child's user+system CPU ms (all its
 * threads). Throws if the child fails.
 */
export function runNode(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { wall: number; cpu: number | undefined } {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const start = performance.now();
  const out = execFileSync("/bin/sh", ["-c", `${quoted} >/dev/null 2>&1; code=$?; times; exit $code`], {
    cwd,
    encoding: "utf8",
    env,
  });
  const wall = performance.now() - start;
  // `times` prints the shell's own times, then its children's: "0m2.290s 0m0.900s".
  const child = out.trim().split("\n").pop() ?? "";
  const parts = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000,
  );
  return { wall, cpu: parts.length === 2 ? (parts[0] ?? 0) + (parts[1] ?? 0) : undefined };
}

/** A thread of a node process as /proc last saw it: CPU (user + system) and fresh memory (minor faults). */
export interface ThreadUse {
  tid: number;
  /** Clock ticks after the process started, when the thread started: orders the threads. */
  started: number;
  cpuMs: number;
  freshMb: number;
}

/** Reads /proc/<pid>/task/<tid>/stat of every thread of `pid` into `seen`; false once the process is gone. */
function sampleThreads(pid: number, seen: Map<number, ThreadUse>, tickMs: number): boolean {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return false;
  }
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    } catch {
      continue; // the thread ended between the listing and the read: its last sample stands
    }
    // The fields after the command name, which may hold spaces and parentheses: proc(5) numbers them from 3.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    seen.set(Number(tid), {
      tid: Number(tid),
      started: Number(f[19]),
      cpuMs: (Number(f[11]) + Number(f[12])) * tickMs,
      freshMb: (Number(f[7]) * 4096) / (1 << 20),
    });
  }
  return true;
}

/**
 * Runs `node <args>` in `cwd` and samples its threads' CPU and fresh memory from /proc every `everyMs` (Linux
 * only: undefined elsewhere). A thread's last 20 ms or so may go unseen; the totals of `runNode` are exact.
 */
export async function threadUse(
  cwd: string,
  args: string[],
  everyMs = 20,
): Promise<{ pid: number; threads: ThreadUse[] } | undefined> {
  if (!existsSync("/proc/self/task")) return undefined;
  // USER_HZ: 100 on every Linux GitHub's runners and this project's VMs use.
  const tickMs = 10;
  const child = spawn(process.execPath, args, { cwd, stdio: "ignore" });
  const seen = new Map<number, ThreadUse>();
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  let running = true;
  const stop = () => {
    running = false;
  };
  exited.then(stop, stop);
  while (running && child.pid !== undefined && sampleThreads(child.pid, seen, tickMs))
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  const code = await exited;
  if (code !== 0 || child.pid === undefined) throw new Error(`node ${args.join(" ")} exited with ${code}`);
  return {
    pid: child.pid,
    threads: [...seen.values()].sort((a, b) => a.started - b.started || a.tid - b.tid),
  };
}

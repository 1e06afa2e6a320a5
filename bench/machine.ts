/**
 * What the machine charges that the code does not decide, printed beside the figures it skews: the first
 * touch of fresh memory (on the project's Firecracker VMs ~4 ms per MB, against well under 1 ms on most
 * hardware, and V8 hands freed pages back, so every run pays it again) and CA certificates node loads at
 * every start when NODE_EXTRA_CA_CERTS is set (this sandbox sets it; GitHub's runners do not).
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
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
 * site's writer thread does), timed over `count` of them in a fresh folder under `parent` that is removed
 * afterwards (not timed). On the project's VMs this swings between runs by a factor of three or more, so a
 * site-build figure says little without it.
 */
export function folderAndFileCost(parent: string, count = 2_000, bytes = 16_384): number {
  const root = mkdtempSync(path.join(parent, "papershelf-fs-cost-"));
  const content = Buffer.alloc(bytes, 0x61);
  try {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const folder = path.join(root, String(i));
      mkdirSync(folder);
      const fd = openSync(path.join(folder, "index.html"), "w");
      writeSync(fd, content);
      closeSync(fd);
    }
    return ((performance.now() - start) * 1_000) / count;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
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

/** The parent's handle on the farm process: start, ask for stats, serve a link list page, stop. */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FarmConfig, FarmInfo, FarmStats } from "./farm.js";

export interface FarmHandle {
  info: FarmInfo;
  /** Per-host maximum in flight and request counts since the last call (then reset). */
  stats(): Promise<FarmStats>;
  /** The HTML page the farm serves at <origins[0]>/list.html (linkinator crawls one page). */
  setList(html: string): Promise<void>;
  stop(): void;
}

function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string } & Record<string, unknown>) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message as T);
    };
    child.on("message", onMessage);
  });
}

export async function startFarmProcess(config: FarmConfig): Promise<FarmHandle> {
  const entry = fileURLToPath(new URL("./process.ts", import.meta.url));
  const child = fork(entry, [JSON.stringify(config)], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const ready = await next<{ info: FarmInfo }>(child, "ready");
  return {
    info: ready.info,
    async stats() {
      const reply = next<{ stats: FarmStats }>(child, "stats");
      child.send({ type: "stats" });
      return (await reply).stats;
    },
    async setList(html) {
      const reply = next(child, "listed");
      child.send({ type: "list", html });
      await reply;
    },
    stop() {
      if (child.connected) child.send({ type: "stop" });
      setTimeout(() => child.kill(), 1_000).unref();
    },
  };
}

/**
 * Entry point of the farm's child process: starts the farm from the config in argv and answers the parent's
 * IPC messages ("stats", "list", "stop"). The parent (links.bench.ts) forks it with tsx.
 */
import { startFarm, stopFarm, takeStats, type FarmConfig, type FarmInfo } from "./farm.js";

type Message = { type: "stats" } | { type: "stop" } | { type: "list"; html: string };

const config = JSON.parse(process.argv[2] ?? "{}") as FarmConfig;
let listHtml = "";
const info: FarmInfo = await startFarm(config, () => listHtml);
process.send?.({ type: "ready", info });
process.on("message", (message: Message) => {
  if (message.type === "stats") process.send?.({ type: "stats", stats: takeStats() });
  if (message.type === "list") {
    listHtml = message.html;
    process.send?.({ type: "listed" });
  }
  if (message.type === "stop") {
    stopFarm();
    process.disconnect();
  }
});
// The parent going away ends the farm too: no orphaned servers.
process.on("disconnect", () => {
  stopFarm();
  process.exit(0);
});

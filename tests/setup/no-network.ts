/**
 * House rule: tests talk only to servers they start on loopback (127.0.0.0/8, ::1).
 * Every socket connect is checked here, so a test that would reach the outside world fails loudly
 * instead of passing on a developer's laptop and hanging in CI.
 */
import net from "node:net";

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

type ConnectArgs = Parameters<net.Socket["connect"]>;
const originalConnect = net.Socket.prototype.connect;

function targetHost(args: unknown[]): string | undefined {
  const first = args[0];
  if (Array.isArray(first)) return targetHost(first);
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined; // unix socket: local by definition
    return options.host ?? "localhost";
  }
  if (typeof first === "number") return typeof args[1] === "string" ? args[1] : "localhost";
  return undefined; // a string first argument is a unix socket path
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  const host = targetHost(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Test tried to reach ${host}: tests may only talk to loopback servers they start.`);
  }
  return originalConnect.apply(this, args);
} as net.Socket["connect"];

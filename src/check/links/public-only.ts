/**
 * Keeping the checker off private networks. The intake checks links a stranger submitted, on the Action's
 * runner: a link (or a redirect, or a name that resolves) to 127.0.0.1, 10.x or 169.254.169.254 (cloud
 * metadata) must never be requested. Two layers: every URL and redirect hop is tested before it is queued
 * (`isPublicUrl`, which also catches IP literals that never reach DNS), and the connection itself refuses a
 * name that resolves to a private address (`publicOnlyLookup`, which catches DNS tricks).
 */
import dns from "node:dns";
import net from "node:net";

const PRIVATE = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast and reserved, up to 255.255.255.255
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** True for an IP address outside loopback, private, link-local, shared and multicast ranges. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return isPublicAddress(mapped[1]);
    return !PRIVATE.check(address, "ipv6");
  }
  return !PRIVATE.check(address, "ipv4");
}

/** False for URLs naming a local host or a private IP literal ("localhost", "127.0.0.1", "[::1]", "10.0.0.8"). */
export function isPublicUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host.endsWith(".internal")
  ) {
    return false;
  }
  return net.isIP(host) === 0 || isPublicAddress(host);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;
type Lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

/** A `lookup` for net.connect that fails (code EPRIVATEADDR) when a name resolves to any private address. */
export function publicOnlyLookup(resolve: Lookup = dns.lookup as unknown as Lookup): Lookup {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
      if (all.some((a) => !isPublicAddress(a))) {
        const refused = Object.assign(
          new Error(`${hostname} resolves to a private address (${all.join(", ")})`),
          {
            code: "EPRIVATEADDR",
          },
        );
        return callback(refused, address, family);
      }
      callback(null, address, family);
    });
  };
}

/**
 * Keeping the checker off private networks. The intake checks links a stranger submitted, on the Action's
 * runner: a link (or a redirect, or a name that resolves) to 127.0.0.1, 10.x or 169.254.169.254 (cloud
 * metadata) must never be requested. Two layers: every URL and redirect hop is tested before it is queued
 * (`isPublicUrl`, which also catches IP literals that never reach DNS), and the connection itself refuses a
 * name that resolves to a private address (`publicOnlyLookup`, which catches DNS tricks). Which addresses are
 * private is decided in one place for lint and check alike: src/urls/addresses.ts.
 */
import type dns from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import { isPublicAddress } from "../../urls/index.js";

export { isPublicAddress, isPublicUrl } from "../../urls/index.js";

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;
type Lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

/** A `lookup` for net.connect that fails (code EPRIVATEADDR) when a name resolves to any private address. */
export function publicOnlyLookup(resolve: Lookup = dnsLookup as unknown as Lookup): Lookup {
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

/**
 * Public versus private: the one answer to "may a paper link point here, and may the checker request it?".
 * The lint rule `url-local-host` reports what this refuses; the link checker never requests it, not through a
 * redirect nor through a name that resolves to it (check/links/public-only.ts wraps DNS with the same test).
 *
 * The ranges are IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and their later entries),
 * plus multicast and the deprecated site-local block. Every one of them counts as not public, even the few
 * that IANA marks globally reachable (AS112, AMT and PCP/TURN anycast): none of them serves a page, and a
 * link into them is either a mistake or a probe. Two IPv6 prefixes only carry an IPv4 address (IPv4-mapped
 * and the NAT64 well-known prefix): the embedded address decides, so 64:ff9b::10.0.0.1 is private while a
 * DNS64 answer for a public site is public.
 */
import net from "node:net";

export interface SpecialRange {
  cidr: string;
  name: string;
  /** Where it is defined: the RFC of its registry entry. */
  source: string;
}

export const SPECIAL_IPV4_RANGES: readonly SpecialRange[] = [
  { cidr: "0.0.0.0/8", name: "this network", source: "RFC 791" },
  { cidr: "10.0.0.0/8", name: "private use", source: "RFC 1918" },
  { cidr: "100.64.0.0/10", name: "shared address space (carrier-grade NAT)", source: "RFC 6598" },
  { cidr: "127.0.0.0/8", name: "loopback", source: "RFC 1122" },
  { cidr: "169.254.0.0/16", name: "link local (cloud metadata)", source: "RFC 3927" },
  { cidr: "172.16.0.0/12", name: "private use", source: "RFC 1918" },
  {
    cidr: "192.0.0.0/24",
    name: "IETF protocol assignments (DS-Lite, NAT64 discovery, anycast)",
    source: "RFC 6890",
  },
  { cidr: "192.0.2.0/24", name: "documentation (TEST-NET-1)", source: "RFC 5737" },
  { cidr: "192.31.196.0/24", name: "AS112-v4", source: "RFC 7535" },
  { cidr: "192.52.193.0/24", name: "AMT", source: "RFC 7450" },
  { cidr: "192.88.99.0/24", name: "deprecated 6to4 relay anycast", source: "RFC 7526" },
  { cidr: "192.168.0.0/16", name: "private use", source: "RFC 1918" },
  { cidr: "192.175.48.0/24", name: "direct delegation AS112 service", source: "RFC 7534" },
  { cidr: "198.18.0.0/15", name: "benchmarking", source: "RFC 2544" },
  { cidr: "198.51.100.0/24", name: "documentation (TEST-NET-2)", source: "RFC 5737" },
  { cidr: "203.0.113.0/24", name: "documentation (TEST-NET-3)", source: "RFC 5737" },
  { cidr: "224.0.0.0/4", name: "multicast", source: "RFC 5771" },
  { cidr: "240.0.0.0/4", name: "reserved (includes limited broadcast 255.255.255.255)", source: "RFC 1112" },
];

export const SPECIAL_IPV6_RANGES: readonly SpecialRange[] = [
  { cidr: "::/128", name: "unspecified", source: "RFC 4291" },
  { cidr: "::1/128", name: "loopback", source: "RFC 4291" },
  // ::/96 less its two single addresses above: the deprecated IPv4-compatible form (::10.0.0.1).
  { cidr: "::/96", name: "IPv4-compatible (deprecated)", source: "RFC 4291" },
  { cidr: "64:ff9b:1::/48", name: "local-use IPv4/IPv6 translation", source: "RFC 8215" },
  { cidr: "100::/64", name: "discard-only", source: "RFC 6666" },
  { cidr: "100:0:0:1::/64", name: "dummy IPv6 prefix", source: "RFC 9780" },
  {
    cidr: "2001::/23",
    name: "IETF protocol assignments (Teredo, ORCHID, benchmarking, AMT, AS112)",
    source: "RFC 2928",
  },
  { cidr: "2001:db8::/32", name: "documentation", source: "RFC 3849" },
  { cidr: "2002::/16", name: "6to4", source: "RFC 3056" },
  { cidr: "2620:4f:8000::/48", name: "direct delegation AS112 service", source: "RFC 7534" },
  { cidr: "3fff::/20", name: "documentation", source: "RFC 9637" },
  { cidr: "5f00::/16", name: "segment routing (SRv6) SIDs", source: "RFC 9602" },
  { cidr: "fc00::/7", name: "unique local", source: "RFC 4193" },
  { cidr: "fe80::/10", name: "link-local unicast", source: "RFC 4291" },
  { cidr: "fec0::/10", name: "site-local (deprecated)", source: "RFC 3879" },
  { cidr: "ff00::/8", name: "multicast", source: "RFC 4291" },
];

/** Prefixes that only wrap an IPv4 address: the embedded address is judged instead (RFC 4291, RFC 6052). */
const EMBEDDING_PREFIXES = [
  { cidr: "::ffff:0:0/96", name: "IPv4-mapped" },
  { cidr: "64:ff9b::/96", name: "NAT64 well-known prefix" },
];

/**
 * Names that never lead to a public site: IANA's special-use domain names that are local or never resolve
 * (RFC 6761, 6762, 7686, 8375, 9476), ICANN's private-use `.internal`, and the home-router habit `.lan`.
 */
export const LOCAL_DOMAINS = [
  "localhost",
  "local",
  "internal",
  "lan",
  "home.arpa",
  "test",
  "invalid",
  "onion",
  "alt",
];

function blockList(ranges: readonly { cidr: string }[], family: "ipv4" | "ipv6"): net.BlockList {
  const list = new net.BlockList();
  for (const { cidr } of ranges) {
    const [network = "", prefix = ""] = cidr.split("/");
    list.addSubnet(network, Number(prefix), family);
  }
  return list;
}

const SPECIAL_IPV4 = blockList(SPECIAL_IPV4_RANGES, "ipv4");
const SPECIAL_IPV6 = blockList(SPECIAL_IPV6_RANGES, "ipv6");
const EMBEDDING = blockList(EMBEDDING_PREFIXES, "ipv6");

/** The IPv4 address in the last 32 bits of a valid IPv6 address ("::ffff:7f00:1" or "::ffff:127.0.0.1"). */
function embeddedIpv4(address: string): string {
  const tail = address.slice(address.lastIndexOf(":") + 1);
  if (tail.includes(".")) return tail;
  const [head = "", rest] = address.split("::");
  const before = head === "" ? [] : head.split(":");
  const after = rest === undefined || rest === "" ? [] : rest.split(":");
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill("0"), ...after];
  const [high = 0, low = 0] = groups.slice(-2).map((g) => Number.parseInt(g, 16));
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** True for an IP address outside every special-purpose, private, local and multicast range. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !SPECIAL_IPV4.check(address, "ipv4");
  if (family !== 6) return false;
  if (EMBEDDING.check(address, "ipv6")) return isPublicAddress(embeddedIpv4(address));
  return !SPECIAL_IPV6.check(address, "ipv6");
}

/** True for a host name under one of LOCAL_DOMAINS ("localhost", "printer.local", "db.internal"). */
export function isLocalDomain(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return LOCAL_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * False for URLs naming a local domain or a non-public IP literal ("localhost", "127.0.0.1", "[::1]",
 * "10.0.0.8", "[64:ff9b::a00:1]"). Names that resolve to private addresses are caught at connection time.
 */
export function isPublicUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) !== 0) return isPublicAddress(host);
  return !isLocalDomain(host);
}

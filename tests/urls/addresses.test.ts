/**
 * The one public-versus-private table (src/urls/addresses.ts), checked address by address: each IANA
 * special-purpose range at its first and last address, the public neighbours just outside, and the IPv6
 * prefixes that embed an IPv4 address. Lint's url-local-host rule and the link checker both read this module;
 * before it they disagreed (lint missed 100.64/10 and multicast, check missed 240/4 and 64:ff9b::/96).
 */
import { describe, expect, it } from "vitest";
import {
  isLocalDomain,
  isPublicAddress,
  isPublicUrl,
  SPECIAL_IPV4_RANGES,
  SPECIAL_IPV6_RANGES,
} from "../../src/urls/index.js";

/** [address, public?, why] */
const TABLE: [string, boolean, string][] = [
  ["0.0.0.0", false, "this network"],
  ["0.255.255.255", false, "this network, last"],
  ["1.1.1.1", true, "public"],
  ["9.255.255.255", true, "just below 10/8"],
  ["10.0.0.0", false, "private use"],
  ["10.255.255.255", false, "private use, last"],
  ["11.0.0.0", true, "just above 10/8"],
  ["100.63.255.255", true, "just below 100.64/10"],
  ["100.64.0.0", false, "carrier-grade NAT"],
  ["100.127.255.255", false, "carrier-grade NAT, last"],
  ["100.128.0.0", true, "just above 100.64/10"],
  ["127.0.0.1", false, "loopback"],
  ["127.255.255.254", false, "loopback, high"],
  ["169.254.169.254", false, "cloud metadata"],
  ["169.255.0.0", true, "just above link local"],
  ["172.15.255.255", true, "just below 172.16/12"],
  ["172.16.0.0", false, "private use"],
  ["172.31.255.255", false, "private use, last"],
  ["172.32.0.0", true, "just above 172.16/12"],
  ["192.0.0.9", false, "PCP anycast inside 192.0.0/24"],
  ["192.0.0.170", false, "NAT64 discovery"],
  ["192.0.1.0", true, "between 192.0.0/24 and TEST-NET-1"],
  ["192.0.2.1", false, "TEST-NET-1"],
  ["192.31.196.1", false, "AS112-v4"],
  ["192.52.193.1", false, "AMT"],
  ["192.88.99.1", false, "6to4 relay anycast"],
  ["192.167.255.255", true, "just below 192.168/16"],
  ["192.168.1.1", false, "private use"],
  ["192.169.0.0", true, "just above 192.168/16"],
  ["192.175.48.1", false, "AS112 direct delegation"],
  ["198.17.255.255", true, "just below benchmarking"],
  ["198.18.0.0", false, "benchmarking"],
  ["198.19.255.255", false, "benchmarking, last"],
  ["198.20.0.0", true, "just above benchmarking"],
  ["198.51.100.7", false, "TEST-NET-2"],
  ["203.0.113.7", false, "TEST-NET-3"],
  ["223.255.255.255", true, "last unicast"],
  ["224.0.0.1", false, "multicast"],
  ["239.255.255.255", false, "multicast, last"],
  ["240.0.0.1", false, "reserved 240/4"],
  ["255.255.255.254", false, "reserved 240/4, high"],
  ["255.255.255.255", false, "limited broadcast"],
  ["93.184.216.34", true, "a public site"],
  ["::", false, "unspecified"],
  ["::1", false, "loopback"],
  ["::a00:1", false, "IPv4-compatible (deprecated)"],
  ["::ffff:127.0.0.1", false, "IPv4-mapped loopback"],
  ["::ffff:7f00:1", false, "IPv4-mapped loopback, hex"],
  ["::ffff:10.0.0.1", false, "IPv4-mapped private"],
  ["::ffff:93.184.216.34", true, "IPv4-mapped public"],
  ["64:ff9b::10.0.0.1", false, "NAT64 of a private address"],
  ["64:ff9b::a9fe:a9fe", false, "NAT64 of cloud metadata"],
  ["64:ff9b::f000:1", false, "NAT64 of 240/4"],
  ["64:ff9b::5db8:d822", true, "NAT64 of a public address (a DNS64 answer)"],
  ["64:ff9b:1::1", false, "local-use translation"],
  ["100::1", false, "discard-only"],
  ["2001::1", false, "Teredo"],
  ["2001:2::1", false, "benchmarking"],
  ["2001:20::1", false, "ORCHIDv2"],
  ["2001:db8::1", false, "documentation"],
  ["2001:4860:4860::8888", true, "a public resolver"],
  ["2002:7f00:1::", false, "6to4"],
  ["2606:4700:4700::1111", true, "a public resolver"],
  ["2620:4f:8000::1", false, "AS112 direct delegation"],
  ["3fff::1", false, "documentation (3fff::/20)"],
  ["5f00::1", false, "SRv6 SIDs"],
  ["fc00::1", false, "unique local"],
  ["fdff:ffff::1", false, "unique local, high"],
  ["fe80::1", false, "link-local"],
  ["febf::1", false, "link-local, last block"],
  ["fec0::1", false, "site-local (deprecated)"],
  ["ff02::1", false, "multicast"],
  ["not-an-address", false, "not an IP address at all"],
];

describe("public versus private addresses", () => {
  it.each(TABLE)("%s is public: %s (%s)", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("refuses the first address of every registry range", () => {
    const first = (cidr: string) => cidr.split("/")[0] ?? "";
    const ranges = [...SPECIAL_IPV4_RANGES, ...SPECIAL_IPV6_RANGES];
    expect(ranges.map((r) => r.cidr).filter((cidr) => isPublicAddress(first(cidr)))).toEqual([]);
    // The registries' entries named in the issue are there.
    expect(ranges.map((r) => r.cidr)).toEqual(expect.arrayContaining(["240.0.0.0/4", "100.64.0.0/10"]));
  });
});

describe("public versus private URLs", () => {
  it.each([
    ["http://localhost:3000/", false],
    ["http://app.localhost/", false],
    ["http://printer.local/", false],
    ["http://db.internal/", false],
    ["http://router.lan/", false],
    ["http://nas.home.arpa/", false],
    ["http://site.test/", false],
    ["http://x.invalid/", false],
    ["http://hidden.onion/", false],
    ["http://LOCALHOST./", false],
    ["http://0x7f.1/", false], // the URL parser reads it as 127.0.0.1
    ["http://[::ffff:169.254.169.254]/", false],
    ["http://[64:ff9b::7f00:1]/", false],
    ["http://240.1.2.3/", false],
    ["https://arxiv.org/abs/2306.15195", true],
    ["https://example.com/", true],
    ["http://[2606:4700:4700::1111]/", true],
  ])("%s is public: %s", (raw, expected) => {
    expect(isPublicUrl(new URL(raw))).toBe(expected);
  });

  it("matches local domains by whole labels only", () => {
    expect(isLocalDomain("local")).toBe(true);
    expect(isLocalDomain("notlocal.com")).toBe(false);
    expect(isLocalDomain("localhost.example.com")).toBe(false);
  });
});

/**
 * Telling "the network is down" from "the link is dead". With DNS or routing gone, every host fails the same
 * way and every link would come out `suspect`: a run like that says nothing about the links, so their
 * verdict becomes `unchecked`, the two-run rule records nothing, and the edge reports "network unavailable".
 */
import type { ProbeResult } from "./probe.js";
import { evidenceOf, type LinkResult } from "./verdict.js";

/** Failures that happen before any server answers: the name did not resolve, or no route or port took us. */
const NETWORK_LEVEL_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "ECONNREFUSED",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * A run is judged offline when more than half of the hosts it asked failed at the network level, and at
 * least 3 did (one typo'd domain among many is a dead link, not an outage). A run that asked only two
 * hosts (an intake: arxiv.org and github.com) is offline when both failed.
 */
export const NETWORK_DOWN_MIN_HOSTS = 3;

export interface NetworkStatus {
  available: boolean;
  /** Hosts asked over the network this run (cache hits and exclusions ask none). */
  hostsAsked: number;
  /** Hosts that never answered: no DNS answer, refused or unroutable on every request. */
  unreachable: string[];
}

/** True when the probe never reached a server: a network-level failure on the link's own host. */
export function failedAtNetworkLevel(probe: ProbeResult): boolean {
  const { end } = probe;
  return probe.redirects.length === 0 && end.kind === "failure" && NETWORK_LEVEL_CODES.has(end.code);
}

/** Judges the run from each asked host's outcome (reached: at least one of its probes got anywhere). */
export function judgeNetwork(hosts: ReadonlyMap<string, boolean>): NetworkStatus {
  const unreachable = [...hosts].filter(([, reached]) => !reached).map(([host]) => host);
  const failed = unreachable.length;
  const offline =
    failed >= 2 && failed * 2 > hosts.size && (failed >= NETWORK_DOWN_MIN_HOSTS || failed === hosts.size);
  return { available: !offline, hostsAsked: hosts.size, unreachable: unreachable.sort() };
}

/** The verdict of a link whose host could not be reached while the network was down. */
export function uncheckedResult(result: LinkResult, why: string): LinkResult {
  return { ...evidenceOf(result), verdict: "unchecked", message: `not checked: ${why}; ${result.message}` };
}

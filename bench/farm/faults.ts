/** The fault mix: links with a known truth, and the table that sets each tool's verdicts against it. */

export type Truth = "ok" | "redirect" | "soft404" | "dead" | "timeout";

export interface FaultLink {
  url: string;
  kind: string;
  truth: Truth;
}

/** Route families of the farm's fault hosts (farm.ts `fault`), how many of each, and what they really are. */
const FAMILIES: { kind: string; path: (i: number) => string; count: number; truth: Truth; busy?: boolean }[] =
  [
    { kind: "429 under load", path: (i) => `/busy/${i}`, count: 20, truth: "ok", busy: true },
    { kind: "503 once", path: (i) => `/flaky/${i}`, count: 5, truth: "ok" },
    { kind: "HEAD 405 (.pdf)", path: (i) => `/nohead/${i}.pdf`, count: 5, truth: "ok" },
    { kind: "301 to a page", path: (i) => `/moved/${i}`, count: 5, truth: "redirect" },
    { kind: "302 to /", path: (i) => `/gone-home/${i}`, count: 5, truth: "soft404" },
    { kind: "301 many → one", path: (i) => `/pwc/${i}`, count: 5, truth: "soft404" },
    { kind: "404", path: (i) => `/missing/${i}`, count: 5, truth: "dead" },
    { kind: "410", path: (i) => `/removed/${i}`, count: 5, truth: "dead" },
    { kind: "hang", path: (i) => `/hang/${i}`, count: 2, truth: "timeout" },
  ];

export function faultLinks(faultOrigin: string, busyOrigin: string): FaultLink[] {
  return FAMILIES.flatMap((f) =>
    Array.from({ length: f.count }, (_, i) => ({
      url: `${f.busy ? busyOrigin : faultOrigin}${f.path(i)}`,
      kind: f.kind,
      truth: f.truth,
    })),
  );
}

export interface ToolVerdicts {
  name: string;
  verdicts: Map<string, string>;
}

function tally(values: (string | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v ?? "(none)", (counts.get(v ?? "(none)") ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v} ×${n}`).join(", ");
}

/** One row per fault family: the truth, then what each tool said (verdict × count). */
export function printFaultTable(links: readonly FaultLink[], tools: readonly ToolVerdicts[]): void {
  console.log(`| fault | truth | ${tools.map((t) => t.name).join(" | ")} |`);
  console.log(`|---|---|${tools.map(() => "---").join("|")}|`);
  for (const family of FAMILIES) {
    const group = links.filter((l) => l.kind === family.kind);
    const cells = tools.map((t) => tally(group.map((l) => t.verdicts.get(l.url))));
    console.log(`| ${family.kind} (${group.length}) | ${family.truth} | ${cells.join(" | ")} |`);
  }
}

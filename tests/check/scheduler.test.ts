/** The scheduler alone, on a fake clock: caps, intervals, pauses, the 429 slow-down. */
import { describe, expect, it } from "vitest";
import { HostScheduler } from "../../src/check/links/scheduler.js";
import { fakeClock } from "./helpers/clock.js";

function scheduler(concurrency: number, intervalMs: number, maxConcurrency = 100) {
  const clock = fakeClock(0);
  const s = new HostScheduler({
    maxConcurrency,
    limitsFor: () => ({ concurrency, intervalMs }),
    now: clock.now,
    sleep: clock.sleep,
  });
  return { s, clock };
}

/** A task that records its start time and stays in flight until the test releases it. */
function tasks(s: HostScheduler, host: string, n: number, clock: { now(): number }) {
  const starts: number[] = [];
  const releases: (() => void)[] = [];
  const done = Array.from({ length: n }, () =>
    s.run(host, () => {
      starts.push(clock.now());
      return new Promise<void>((resolve) => releases.push(resolve));
    }),
  );
  return { starts, releases, done };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("HostScheduler", () => {
  it("starts at most `concurrency` tasks per host and the next when one finishes", async () => {
    const { s, clock } = scheduler(2, 0);
    const { starts, releases, done } = tasks(s, "a:80", 5, clock);
    await settle();
    expect(starts).toHaveLength(2);
    releases[0]?.();
    await settle();
    expect(starts).toHaveLength(3);
    while (releases.length < 5) {
      releases.forEach((r) => r());
      await settle();
    }
    releases.forEach((r) => r());
    await Promise.all(done);
    expect(s.stats().maxInFlightPerHost["a:80"]).toBe(2);
  });

  it("keeps the global cap across hosts", async () => {
    const { s, clock } = scheduler(8, 0, 3);
    const a = tasks(s, "a:80", 4, clock);
    const b = tasks(s, "b:80", 4, clock);
    await settle();
    expect(a.starts.length + b.starts.length).toBe(3);
    for (let i = 0; i < 10; i++) {
      [...a.releases, ...b.releases].forEach((r) => r());
      await settle();
    }
    await Promise.all([...a.done, ...b.done]);
    expect(s.stats().maxInFlight).toBe(3);
  });

  it("gives a freed global slot to a host that waited for one, before the same host again", async () => {
    const { s, clock } = scheduler(2, 0, 2);
    const a = tasks(s, "a:80", 3, clock);
    const b = tasks(s, "b:80", 2, clock);
    await settle();
    expect([a.starts.length, b.starts.length]).toEqual([2, 0]);
    a.releases[0]?.();
    await settle();
    // b has waited since the start; a, which just had a slot, queues behind it for the next.
    expect([a.starts.length, b.starts.length]).toEqual([2, 1]);
    a.releases[1]?.();
    await settle();
    expect([a.starts.length, b.starts.length]).toEqual([2, 2]);
    b.releases[0]?.();
    await settle();
    expect([a.starts.length, b.starts.length]).toEqual([3, 2]);
    for (let i = 0; i < 5; i++) {
      [...a.releases, ...b.releases].forEach((r) => r());
      await settle();
    }
    await Promise.all([...a.done, ...b.done]);
    expect(s.stats().maxInFlight).toBe(2);
  });

  it("spaces request starts on one host by the interval", async () => {
    const { s, clock } = scheduler(8, 100);
    const { starts, releases, done } = tasks(s, "a:80", 4, clock);
    for (let i = 0; i < 10; i++) await settle();
    releases.forEach((r) => r());
    await Promise.all(done);
    expect(starts.slice(1).map((t, i) => t - (starts[i] ?? 0))).toEqual([100, 100, 100]);
  });

  it("holds a paused host until the pause ends", async () => {
    const { s, clock } = scheduler(8, 0);
    s.pause("a:80", 5_000);
    const { starts, releases, done } = tasks(s, "a:80", 1, clock);
    for (let i = 0; i < 5; i++) await settle();
    releases.forEach((r) => r());
    await Promise.all(done);
    expect(starts[0]).toBeGreaterThanOrEqual(5_000);
  });

  it("slows a host once per burst of 429s, not once per answer", async () => {
    const { s, clock } = scheduler(8, 0);
    const sentAt = clock.now();
    clock.advance(10);
    for (let i = 0; i < 6; i++) s.slowDown("a:80", sentAt); // six answers to one burst: 8 → 4, 0 → 50 ms
    clock.advance(10);
    s.slowDown("a:80", clock.now()); // a later burst: 4 → 2, 50 → 100 ms
    expect(s.stats().slowedHosts).toEqual(["a:80"]);
    const { starts } = tasks(s, "a:80", 5, clock);
    for (let i = 0; i < 10; i++) await settle();
    // Cap 2 (six slow-downs would have left 1) and starts 100 ms apart (six would have made it 6.4 s).
    expect(starts).toHaveLength(2);
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBe(100);
  });
});

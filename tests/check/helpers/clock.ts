/** A fake clock whose sleep advances time instantly, so backoff and Retry-After are asserted, not waited for. */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every delay asked of sleep, in order. */
  slept: number[];
  advance(ms: number): void;
}

export function fakeClock(start = Date.parse("2026-03-01T12:00:00Z")): FakeClock {
  let time = start;
  const slept: number[] = [];
  return {
    now: () => time,
    slept,
    advance(ms) {
      time += ms;
    },
    async sleep(ms) {
      slept.push(ms);
      time += ms;
      // Yield to the event loop so sockets make progress while "time passes".
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

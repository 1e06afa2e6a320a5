/**
 * A fake clock for backoff, Retry-After and intervals: `sleep` registers a timer, and time jumps to the
 * earliest timer once the event loop has nothing else to do (a setImmediate turn), so sockets still make
 * progress while "time passes" and delays are asserted, never waited for.
 */
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
  const timers: { at: number; resolve: () => void }[] = [];
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) return;
    time = Math.max(time, next.at);
    next.resolve();
    if (timers.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(tick);
  };
  return {
    now: () => time,
    slept,
    advance(ms) {
      time += ms;
    },
    sleep(ms) {
      slept.push(ms);
      return new Promise<void>((resolve) => {
        timers.push({ at: time + ms, resolve });
        schedule();
      });
    },
  };
}

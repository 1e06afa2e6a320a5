/**
 * Politeness in one place: a global cap on requests in flight, a cap and a minimum start interval per host
 * (keyed on host:port, the unit a server sees), host-wide pauses (Retry-After, rate-limit resets) and a
 * lasting slow-down for hosts that answered 429. Every request of the engine goes through `run`.
 */
import { SLOWED_HOST_INTERVAL_MS, type HostOverride } from "./options.js";

export interface SchedulerOptions {
  maxConcurrency: number;
  /** Limits for one host: the defaults with that host's overrides applied. */
  limitsFor(host: string): Required<HostOverride>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface HostState {
  active: number;
  concurrency: number;
  intervalMs: number;
  nextStartAt: number;
  pausedUntil: number;
  waking: boolean;
  queue: (() => void)[];
  maxActive: number;
  slowed: boolean;
  /** When the last slow-down happened (-1: never). */
  slowedAt: number;
  /** In `waitingForGlobal` (a flag rather than a search of the list: a run can ask thousands of hosts). */
  waitingForGlobal: boolean;
}

/** Per-host queues under one global cap. */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  /** Hosts with a task ready to start but no global slot free, served first come first served. */
  private readonly waitingForGlobal: HostState[] = [];
  private active = 0;
  private maxActiveGlobal = 0;

  constructor(private readonly options: SchedulerOptions) {}

  /** Runs `task` when the host and the global cap allow; the slot is released when it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    // A free slot is taken at once; otherwise the task waits its turn in the host's queue (a promise and a
    // closure per wait, which half of a long list's requests no longer pay).
    if (!this.startNow(state)) {
      await new Promise<void>((resolve) => {
        state.queue.push(resolve);
        this.pump(state);
      });
    }
    try {
      return await task();
    } finally {
      state.active--;
      this.active--;
      // The freed global slot goes to a host that has been waiting for one before this host takes it again:
      // otherwise the first hosts kept every global slot until their queues ran dry, and with 40 hosts of 8
      // under a cap of 256 the last 8 hosts started only when the others had finished (a run took twice
      // its time).
      this.pumpGlobal();
      this.pump(state);
    }
  }

  /** No request to `host` starts before `untilMs` (Retry-After, rate-limit reset). */
  pause(host: string, untilMs: number): void {
    const state = this.stateOf(host);
    state.pausedUntil = Math.max(state.pausedUntil, untilMs);
  }

  /**
   * The host answered 429: halve its cap and space its requests for the rest of the run. Answers to requests
   * sent before the last slow-down are the same burst and do not slow it again (8 answers of one burst would
   * otherwise divide the cap by 256).
   */
  slowDown(host: string, requestStartedAt: number): void {
    const state = this.stateOf(host);
    if (requestStartedAt < state.slowedAt) return;
    state.slowedAt = this.options.now();
    state.slowed = true;
    state.concurrency = Math.max(1, Math.floor(state.concurrency / 2));
    state.intervalMs = Math.max(state.intervalMs * 2, SLOWED_HOST_INTERVAL_MS);
  }

  /** Figures for reports and benchmarks: the most requests in flight on one host and overall. */
  stats(): { maxInFlight: number; maxInFlightPerHost: Record<string, number>; slowedHosts: string[] } {
    const perHost: Record<string, number> = {};
    const slowed: string[] = [];
    for (const [host, state] of this.hosts) {
      perHost[host] = state.maxActive;
      if (state.slowed) slowed.push(host);
    }
    return { maxInFlight: this.maxActiveGlobal, maxInFlightPerHost: perHost, slowedHosts: slowed.sort() };
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      const limits = this.options.limitsFor(host);
      state = {
        active: 0,
        concurrency: Math.max(1, limits.concurrency),
        intervalMs: Math.max(0, limits.intervalMs),
        nextStartAt: 0,
        pausedUntil: 0,
        waking: false,
        queue: [],
        maxActive: 0,
        slowed: false,
        slowedAt: -1,
        waitingForGlobal: false,
      };
      this.hosts.set(host, state);
    }
    return state;
  }

  /**
   * Takes a slot for a new task when nobody is queued before it and the host's cap, interval, pause and the
   * global cap all allow it now; false leaves everything as it was.
   */
  private startNow(state: HostState): boolean {
    if (state.queue.length > 0 || state.active >= state.concurrency) return false;
    if (this.active >= this.options.maxConcurrency || this.waitingForGlobal.length > 0) return false;
    const now = this.options.now();
    if (Math.max(state.nextStartAt, state.pausedUntil) > now) return false;
    this.occupy(state, now);
    return true;
  }

  private occupy(state: HostState, now: number): void {
    state.active++;
    this.active++;
    if (state.active > state.maxActive) state.maxActive = state.active;
    if (this.active > this.maxActiveGlobal) this.maxActiveGlobal = this.active;
    state.nextStartAt = now + state.intervalMs;
  }

  private pump(state: HostState): void {
    while (state.queue.length > 0 && state.active < state.concurrency) {
      const now = this.options.now();
      const readyAt = Math.max(state.nextStartAt, state.pausedUntil);
      if (readyAt > now) {
        this.wake(state, readyAt - now);
        return;
      }
      if (this.active >= this.options.maxConcurrency) {
        if (!state.waitingForGlobal) {
          state.waitingForGlobal = true;
          this.waitingForGlobal.push(state);
        }
        return;
      }
      const start = state.queue.shift();
      this.occupy(state, now);
      start?.();
    }
  }

  private pumpGlobal(): void {
    while (this.active < this.options.maxConcurrency && this.waitingForGlobal.length > 0) {
      const state = this.waitingForGlobal.shift();
      if (!state) break;
      state.waitingForGlobal = false;
      this.pump(state);
    }
  }

  /** One timer per host at a time: the host is re-pumped when its interval or pause has passed. */
  private wake(state: HostState, delayMs: number): void {
    if (state.waking) return;
    state.waking = true;
    void this.options.sleep(delayMs).then(() => {
      state.waking = false;
      this.pump(state);
    });
  }
}

/**
 * A budget in CPU seconds for one intake (and each refresh of its pull request, which runs the intake again).
 * Every stage is linear or bounded by the Markdown limits; the budget is the guard behind them (issue 12: one
 * issue body once held a runner for half an hour). A check between stages cannot stop a stage midway, so
 * the limit sits well above what any stage takes (the fuzz test holds the whole intake under 2 s).
 */
export const INTAKE_CPU_BUDGET_SECONDS = 20;

export interface CpuBudget {
  /** CPU seconds allowed. */
  readonly limitSeconds: number;
  /** CPU seconds spent (user + system) since the budget started. */
  spentSeconds(): number;
}

/** CPU time of this process in microseconds, as `process.cpuUsage` reports it. */
export type CpuClock = () => { user: number; system: number };

/** Starts a budget now; `clock` is injectable for tests. */
export function startCpuBudget(
  limitSeconds = INTAKE_CPU_BUDGET_SECONDS,
  clock: CpuClock = () => process.cpuUsage(),
): CpuBudget {
  const start = clock();
  return {
    limitSeconds,
    spentSeconds() {
      const now = clock();
      return (now.user - start.user + now.system - start.system) / 1e6;
    },
  };
}

/** True once the budget is spent. */
export function overBudget(budget: CpuBudget): boolean {
  return budget.spentSeconds() > budget.limitSeconds;
}

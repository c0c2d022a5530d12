import cron, { type ScheduledTask } from "node-cron";
import { isIanaTimezone } from "../../core/digest/period.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { type ScheduledJob, ScheduleError, type Scheduler } from "../../core/ports/scheduler.port.js";

const MINUTE = 60_000;

/**
 * The Scheduler port on node-cron v4: wall-clock matching in the job's IANA timezone (DST included), `noOverlap`
 * so a slow fan-out never runs twice at once. node-cron keeps no state across restarts; the delivery ledger does.
 */
export class NodeCronScheduler implements Scheduler {
  /** Stopped tasks used only for `match`, one per (cron, timezone). */
  private readonly matchers = new Map<string, { task: ScheduledTask; minutes: Set<number> }>();
  private readonly jobs = new Set<ScheduledTask>();

  constructor(private readonly logger?: Logger) {}

  validate(expression: string, timezone: string): void {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 5) {
      throw new ScheduleError(
        `cron text "${expression}" must have 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
      );
    }
    const result = cron.validateDetailed(expression);
    if (!result.valid) {
      const why = result.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
      throw new ScheduleError(`cron text "${expression}" is not valid (${why})`);
    }
    if (!isIanaTimezone(timezone)) {
      throw new ScheduleError(`"${timezone}" is not an IANA timezone (e.g. Europe/Brussels, UTC)`);
    }
  }

  schedule(name: string, expression: string, timezone: string, run: (slot: Date) => Promise<void>): ScheduledJob {
    this.validate(expression, timezone);
    const task = cron.schedule(expression, (ctx) => run(ctx.date), {
      name,
      timezone,
      noOverlap: true,
      logger: this.logger ? cronLogger(this.logger) : undefined,
    });
    task.on("execution:overlap", () => this.logger?.warn("digest job still running; skipped a run", { job: name }));
    this.jobs.add(task);
    return {
      stop: () => {
        this.jobs.delete(task);
        void task.destroy();
      },
    };
  }

  runsBetween(expression: string, timezone: string, from: Date, to: Date): Date[] {
    const { task, minutes } = this.matcher(expression, timezone);
    const runs: Date[] = [];
    // Every UTC offset in use is a multiple of 15 minutes, so a local minute M can only fall on a UTC minute
    // M ± 15k: checking those instants alone finds every run, across DST changes too.
    for (let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE; t <= to.getTime(); t += MINUTE) {
      if (!minutes.has(new Date(t).getUTCMinutes())) continue;
      const at = new Date(t);
      if (task.match(at)) runs.push(at);
    }
    return runs;
  }

  /** Stops every job and matcher (shutdown, tests). */
  close(): void {
    for (const task of this.jobs) void task.destroy();
    this.jobs.clear();
    for (const { task } of this.matchers.values()) void task.destroy();
    this.matchers.clear();
  }

  private matcher(expression: string, timezone: string): { task: ScheduledTask; minutes: Set<number> } {
    const key = `${expression}|${timezone}`;
    let entry = this.matchers.get(key);
    if (!entry) {
      this.validate(expression, timezone);
      const minutes = new Set<number>();
      for (const m of cron.parse(expression).minute) for (let k = 0; k < 60; k += 15) minutes.add((m + k) % 60);
      entry = { task: cron.createTask(expression, () => {}, { timezone }), minutes };
      this.matchers.set(key, entry);
    }
    return entry;
  }
}

function cronLogger(logger: Logger) {
  return {
    info: (m: string) => logger.info(m, { component: "node-cron" }),
    warn: (m: string) => logger.warn(m, { component: "node-cron" }),
    error: (m: string | Error, err?: Error) => logger.error(String(m), { component: "node-cron", error: err }),
    debug: (m: string | Error) => logger.debug(String(m), { component: "node-cron" }),
  };
}

/** A running recurring job; `stop` removes it for good. */
export interface ScheduledJob {
  stop(): void;
}

/** A cron expression or timezone that cannot run, with a message naming what is wrong. */
export class ScheduleError extends Error {
  override readonly name = "ScheduleError";
}

/**
 * Runs functions on cron schedules read in an IANA timezone (node-cron in production, a manual clock in
 * tests). Wall-clock semantics across daylight-saving changes: a daily 08:00 job runs at 08:00 local time on
 * both sides of the change. See https://nodecron.com/timezones-and-dst
 */
export interface Scheduler {
  /** Throws ScheduleError for cron text that is not 5 valid fields or a timezone that is not IANA. */
  validate(cron: string, timezone: string): void;
  /**
   * Calls `run` with the scheduled instant (not the wake-up time) at each match. A run still going when the next
   * one is due makes that next one skip (no overlap).
   */
  schedule(name: string, cron: string, timezone: string, run: (slot: Date) => Promise<void>): ScheduledJob;
  /** Scheduled instants in (from, to], oldest first: for catching up on runs missed while the process was down. */
  runsBetween(cron: string, timezone: string, from: Date, to: Date): Date[];
}

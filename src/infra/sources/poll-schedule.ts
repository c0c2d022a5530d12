import cron from "node-cron";
import type { Logger } from "../../core/ports/logger.port.js";
import type { PollReport } from "../../core/sources/poll-report.js";

export interface PollSchedule {
  stop(): Promise<void>;
}

/**
 * Polls once now, then on the cron schedule (default every 20 minutes). A pass still running when the next
 * one is due is not doubled: node-cron's `noOverlap`, and the poller shares a running pass anyway. A failing
 * pass is logged; the schedule goes on.
 */
export function schedulePolling(
  poller: { poll(): Promise<PollReport> },
  options: { cron: string; logger: Logger; runNow?: boolean },
): PollSchedule {
  const run = async () => {
    try {
      const { counts } = await poller.poll();
      options.logger.info("scheduled poll done", { ...counts });
    } catch (err) {
      options.logger.error("scheduled poll failed", { error: err });
    }
  };
  const task = cron.schedule(options.cron, run, { name: "sources-poll", noOverlap: true });
  options.logger.info("polling sources on a schedule", { cron: options.cron, next: task.getNextRun()?.toISOString() });
  if (options.runNow !== false) void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}

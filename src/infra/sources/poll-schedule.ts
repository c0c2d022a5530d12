import cron from "node-cron";
import type { Logger } from "../../core/ports/logger.port.js";
import type { PollReport } from "../../core/sources/poll-report.js";

export interface PollSchedule {
  stop(): Promise<void>;
}

/** Replicas: whether this process is the one that polls (LeaderElection), and when that changes. */
export interface PollLeadership {
  readonly isLeader: boolean;
  onChange(listener: (leader: boolean) => void): unknown;
}

/**
 * Polls once now, then on the cron schedule (default every 20 minutes). A pass still running when the next
 * one is due is not doubled: node-cron's `noOverlap`, and the poller shares a running pass anyway. A failing
 * pass is logged; the schedule goes on. With `leader`, only the leader polls: a replica that becomes leader
 * polls at once (the one before it may have died mid-interval), the others skip their turns.
 */
export function schedulePolling(
  poller: { poll(): Promise<PollReport> },
  options: { cron: string; logger: Logger; runNow?: boolean; leader?: PollLeadership },
): PollSchedule {
  const { leader } = options;
  const run = async () => {
    if (leader && !leader.isLeader) {
      options.logger.debug("not the poller leader; this turn is another replica's");
      return;
    }
    try {
      const { counts } = await poller.poll();
      options.logger.info("scheduled poll done", { ...counts });
    } catch (err) {
      options.logger.error("scheduled poll failed", { error: err });
    }
  };
  const task = cron.schedule(options.cron, run, { name: "sources-poll", noOverlap: true });
  options.logger.info("polling sources on a schedule", { cron: options.cron, next: task.getNextRun()?.toISOString() });
  if (options.runNow !== false && (!leader || leader.isLeader)) void run();
  leader?.onChange((isLeader) => {
    if (isLeader) void run();
  });
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}

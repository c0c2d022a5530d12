import { describe, expect, it } from "vitest";
import { LeaderElection } from "../../src/core/coordination/leader-election.js";
import type { LeaderLock } from "../../src/core/ports/leader-lock.port.js";
import type { PollReport } from "../../src/core/sources/poll-report.js";
import { schedulePolling } from "../../src/infra/sources/poll-schedule.js";
import { memoryLogger } from "./digest-fakes.js";

/** A lock another "replica" holds until `holder` is set to us; `drop` loses it as a dropped connection would. */
class SharedLock implements LeaderLock {
  readonly name = "poller";
  holder: string | undefined = "other";
  private readonly lost: (() => void)[] = [];
  constructor(private readonly me: string) {}
  async tryAcquire() {
    this.holder ??= this.me;
    return this.holder === this.me;
  }
  onLost(listener: () => void) {
    this.lost.push(listener);
  }
  async release() {
    if (this.holder === this.me) this.holder = undefined;
  }
  drop() {
    this.holder = "other";
    for (const l of this.lost) l();
  }
}

const poller = () => {
  const calls: number[] = [];
  return {
    calls,
    async poll(): Promise<PollReport> {
      calls.push(Date.now());
      return { counts: {} } as unknown as PollReport;
    },
  };
};
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("polling with a leader", () => {
  it("polls only as leader: at once on becoming one, never while another replica leads", async () => {
    const lock = new SharedLock("me");
    const logger = memoryLogger();
    const election = new LeaderElection({ lock, logger, retryMs: 20 });
    const p = poller();
    // Every second by the cron: a follower's turns pass without a poll.
    const schedule = schedulePolling(p, { cron: "* * * * * *", logger, leader: election });
    election.start();
    await new Promise((r) => setTimeout(r, 1200));
    expect(p.calls).toHaveLength(0);
    expect(election.isLeader).toBe(false);

    // The other replica dies: its lock is free, our next try takes it and polls at once.
    lock.holder = undefined;
    await until(() => p.calls.length >= 1);
    expect(election.isLeader).toBe(true);
    expect(logger.lines.map((l) => l.msg)).toContain("became poller leader");

    // Our connection drops: leadership is lost at once, logged, and the turns stop.
    lock.drop();
    expect(election.isLeader).toBe(false);
    expect(logger.lines.map((l) => l.msg)).toContain("lost poller leadership");
    const polls = p.calls.length;
    await new Promise((r) => setTimeout(r, 1100));
    expect(p.calls.length).toBe(polls);
    await election.stop();
    await schedule.stop();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ScheduleError } from "../../src/core/ports/scheduler.port.js";
import { NodeCronScheduler } from "../../src/infra/schedule/node-cron-scheduler.js";

/** The real node-cron, on vitest's fake timers: days pass in milliseconds. */
let scheduler: NodeCronScheduler;
beforeEach(() => {
  scheduler = new NodeCronScheduler();
});
afterEach(() => {
  scheduler.close();
  vi.useRealTimers();
});

async function firesBetween(cron: string, timezone: string, from: string, to: string): Promise<string[]> {
  vi.useFakeTimers({ now: new Date(from) });
  const slots: string[] = [];
  const job = scheduler.schedule("t", cron, timezone, async (slot) => {
    slots.push(slot.toISOString());
  });
  await vi.advanceTimersByTimeAsync(Date.parse(to) - Date.parse(from));
  job.stop();
  return slots;
}

describe("NodeCronScheduler (node-cron v4)", () => {
  it("fires a daily 08:00 Europe/Brussels job at 08:00 local on both sides of the March change", async () => {
    expect(await firesBetween("0 8 * * *", "Europe/Brussels", "2026-03-27T12:00:00Z", "2026-03-31T00:00:00Z")).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
  });

  it("fires at 08:00 local on both sides of the October change", async () => {
    expect(await firesBetween("0 8 * * *", "Europe/Brussels", "2026-10-23T12:00:00Z", "2026-10-27T00:00:00Z")).toEqual([
      "2026-10-24T06:00:00.000Z",
      "2026-10-25T07:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
    ]);
  });

  it("computes the same runs as it fires, for catch-up, in two timezones", () => {
    const from = new Date("2026-03-27T12:00:00Z");
    const to = new Date("2026-03-31T00:00:00Z");
    expect(scheduler.runsBetween("0 8 * * *", "Europe/Brussels", from, to).map((d) => d.toISOString())).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
    expect(scheduler.runsBetween("30 8 * * 1-5", "Asia/Kolkata", from, to).map((d) => d.toISOString())).toEqual([
      "2026-03-30T03:00:00.000Z",
    ]);
    expect(scheduler.runsBetween("0 8 * * 1-5", "America/Montreal", from, to).map((d) => d.toISOString())).toEqual([
      "2026-03-30T12:00:00.000Z",
    ]);
  });

  it("rejects bad cron text and unknown timezones with the reason", () => {
    expect(() => scheduler.validate("0 8 * * *", "Europe/Brussels")).not.toThrow();
    expect(() => scheduler.validate("0 8 * * * *", "UTC")).toThrow(/must have 5 fields/);
    expect(() => scheduler.validate("0 8 * 13 *", "UTC")).toThrow(ScheduleError);
    expect(() => scheduler.validate("0 8 * 13 *", "UTC")).toThrow(/month/);
    expect(() => scheduler.validate("0 8 * * *", "Europe/Atlantis")).toThrow(
      /"Europe\/Atlantis" is not an IANA timezone/,
    );
    expect(() => scheduler.schedule("x", "0 8 * * *", "Nowhere/Here", async () => {})).toThrow(ScheduleError);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { FakePlatform, VirtualTime } from "./digest-fakes.js";
import { type Harness, harness } from "./digest-harness.js";

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});

function world(start: string, catchUpHours = 6) {
  const time = new VirtualTime(Date.parse(start));
  const platform = new FakePlatform(time);
  const h = harness({ time, targets: () => [platform], catchUpHours });
  open.push(h);
  return { h, platform, time };
}

/** Adds a release, then moves to `until`; returns the UTC instants the jobs fired at. */
async function day(h: Harness, until: string): Promise<string[]> {
  await h.addRelease(`News before ${until}`);
  h.time.advance(1000);
  return (await h.scheduler.advanceTo(until)).map((f) => f.slot.toISOString());
}

describe("digest schedule", () => {
  it("keeps 08:00 Europe/Brussels across the March change to summer time", async () => {
    const { h, platform } = world("2026-03-27T12:00:00Z");
    await h.digests.subscriptions.subscribe({ target: "fake:C1", time: "08:00", timezone: "Europe/Brussels" });
    await h.digests.schedule.start();
    const fired = [
      ...(await day(h, "2026-03-28T12:00:00Z")),
      ...(await day(h, "2026-03-29T12:00:00Z")),
      ...(await day(h, "2026-03-30T12:00:00Z")),
    ];
    // UTC+1 on Saturday, UTC+2 from Sunday 29 March 2026 (last Sunday of March).
    expect(fired).toEqual(["2026-03-28T07:00:00.000Z", "2026-03-29T06:00:00.000Z", "2026-03-30T06:00:00.000Z"]);
    expect(platform.posts.map((p) => p.part.digest.period)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(platform.posts.map((p) => p.part.items.length)).toEqual([1, 1, 1]);
  });

  it("keeps 08:00 Europe/Brussels across the October change back to winter time", async () => {
    const { h, platform } = world("2026-10-23T12:00:00Z");
    await h.digests.subscriptions.subscribe({ target: "fake:C1", time: "08:00" });
    await h.digests.schedule.start();
    const fired = [
      ...(await day(h, "2026-10-24T12:00:00Z")),
      ...(await day(h, "2026-10-25T12:00:00Z")),
      ...(await day(h, "2026-10-26T12:00:00Z")),
    ];
    expect(fired).toEqual(["2026-10-24T06:00:00.000Z", "2026-10-25T07:00:00.000Z", "2026-10-26T07:00:00.000Z"]);
    expect(platform.posts.map((p) => p.part.digest.period)).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
  });

  it("posts once on the night 02:30 happens twice, and skips the night it does not exist", async () => {
    const autumn = world("2026-10-24T12:00:00Z");
    await autumn.h.digests.subscriptions.subscribe({ target: "fake:C1", time: "02:30" });
    await autumn.h.digests.schedule.start();
    const fired = await day(autumn.h, "2026-10-25T12:00:00Z");
    // Both 02:30 CEST and 02:30 CET match the wall clock; the ledger's period (the local date) lets one through.
    expect(fired).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]);
    expect(autumn.platform.posts).toHaveLength(1);

    const spring = world("2026-03-27T12:00:00Z");
    await spring.h.digests.subscriptions.subscribe({ target: "fake:C1", time: "02:30" });
    await spring.h.digests.schedule.start();
    expect(await day(spring.h, "2026-03-28T12:00:00Z")).toEqual(["2026-03-28T01:30:00.000Z"]);
    expect(await day(spring.h, "2026-03-29T12:00:00Z")).toEqual([]);
    // Nothing is lost: the next digest starts where the last delivered one ended.
    expect(await day(spring.h, "2026-03-30T12:00:00Z")).toEqual(["2026-03-30T00:30:00.000Z"]);
    expect(spring.platform.posts.map((p) => [p.part.digest.period, p.part.items.length])).toEqual([
      ["2026-03-28", 1],
      ["2026-03-30", 2],
    ]);
  });

  it("runs two subscriptions in their own timezones", async () => {
    const { h, platform } = world("2026-03-27T12:00:00Z");
    await h.digests.subscriptions.subscribe({ target: "fake:BRU", time: "08:00", timezone: "Europe/Brussels" });
    await h.digests.subscriptions.subscribe({
      target: "fake:MTL",
      time: "08:00",
      timezone: "America/Montreal",
      days: "weekdays",
    });
    await h.digests.schedule.start();
    // Friday 27 → Monday 30 March: Montreal (already on summer time since 8 March) skips the weekend.
    const fired = [...(await day(h, "2026-03-30T00:00:00Z")), ...(await day(h, "2026-03-31T00:00:00Z"))];
    expect(fired).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
      "2026-03-30T12:00:00.000Z",
    ]);
    expect(platform.postsTo("fake:BRU").map((p) => p.part.digest.period)).toEqual(["2026-03-28", "2026-03-30"]);
    expect(platform.postsTo("fake:MTL").map((p) => [p.part.digest.period, p.part.digest.timezone])).toEqual([
      ["2026-03-30", "America/Montreal"],
    ]);
  });

  it("catches up a period missed while down, labelled delayed, within the grace window only", async () => {
    const { h, platform } = world("2026-03-27T12:00:00Z");
    await h.digests.subscriptions.subscribe({ target: "fake:C1", time: "08:00" });
    await h.addRelease("Missed while down");
    h.digests.schedule.stop();
    // Down from Friday noon to Saturday 10:00 UTC: the 07:00 UTC run never happened.
    h.time.set("2026-03-28T10:00:00Z");
    const h2 = h.restart();
    open.push(h2);
    const outcomes = await h2.time.run(h2.digests.schedule.start());
    expect(outcomes).toMatchObject([{ period: "2026-03-28", status: "posted", delayed: true }]);
    expect(platform.posts[0]?.part.digest).toMatchObject({ delayed: true, scheduledFor: "2026-03-28T07:00:00.000Z" });

    // Down again across Sunday's run, back 8 h later: too late for a catch-up, Monday's digest carries the news.
    await h2.addRelease("Sunday news");
    h2.digests.schedule.stop();
    h2.time.set("2026-03-29T14:00:00Z");
    const h3 = h2.restart();
    open.push(h3);
    expect(await h3.time.run(h3.digests.schedule.start())).toEqual([]);
    await h3.scheduler.advanceTo("2026-03-30T12:00:00Z");
    expect(platform.posts.map((p) => [p.part.digest.period, p.part.digest.delayed, p.part.items.length])).toEqual([
      ["2026-03-28", true, 1],
      ["2026-03-30", false, 1],
    ]);
  });

  it("follows subscriptions added, changed and removed after start", async () => {
    const { h } = world("2026-03-27T12:00:00Z");
    await h.digests.schedule.start();
    const { subscription } = await h.digests.subscriptions.subscribe({ target: "fake:C1", time: "08:00" });
    expect([...h.scheduler.jobs.keys()]).toContain(`digest:${subscription.id}`);
    await h.digests.subscriptions.subscribe({ target: "fake:C1", time: "09:15" });
    expect(h.scheduler.jobs.get(`digest:${subscription.id}`)?.cron).toBe("15 9 * * *");
    await h.digests.subscriptions.unsubscribe("fake:C1");
    expect([...h.scheduler.jobs.keys()]).toEqual(["digest:reconcile"]);
  });

  it("refuses an invalid timezone or cron text with a clear error", async () => {
    const { h } = world("2026-03-27T12:00:00Z");
    const sub = (input: Parameters<typeof h.digests.subscriptions.subscribe>[0]) =>
      expect(h.digests.subscriptions.subscribe(input)).rejects;
    await sub({ target: "fake:C1", timezone: "Mars/Olympus" }).toThrow(/"Mars\/Olympus" is not an IANA timezone/);
    await sub({ target: "fake:C1", timezone: "CET" }).toThrow(/not an IANA timezone/);
    await sub({ target: "fake:C1", cron: "61 8 * * *" }).toThrow(/cron text "61 8 \* \* \*" is not valid \(minute/);
    await sub({ target: "fake:C1", cron: "every morning" }).toThrow(/5 fields/);
    await sub({ target: "fake:C1", time: "25:00" }).toThrow(/"25:00" is not a time of day/);
    await sub({ target: "fake:C1", days: "someday" }).toThrow(/not a day of the week/);
    await sub({ target: "C1" }).toThrow(/target must look like platform:conversation/);
    expect(await h.digests.subscriptions.list()).toEqual([]);
  });
});

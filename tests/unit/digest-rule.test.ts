import { afterEach, describe, expect, it } from "vitest";
import { FakePlatform, VirtualTime } from "./digest-fakes.js";
import { type Harness, harness } from "./digest-harness.js";

/**
 * The rule a subscriber expects (README "Digests"): a digest carries the releases that reached the store since
 * the last digest — by a poll or by hand — unless NATO published them more than a week before the window
 * opened (an archive imported today is not news). Preview and delivery apply the same rule to the same period.
 */
let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});

function world(start = "2026-03-27T10:00:00Z") {
  const time = new VirtualTime(Date.parse(start));
  const platform = new FakePlatform(time);
  const h = harness({ time, targets: () => [platform] });
  open.push(h);
  return { h, platform };
}

const headlines = (items: { text: { en?: { headline: string } | undefined } }[]) =>
  items.map((i) => i.text.en?.headline);

describe("which releases a digest carries", () => {
  it("carries a release stored since the last digest that NATO published days before (a late poll, a paste)", async () => {
    const { h, platform } = world();
    const { subscription } = await h.digests.subscriptions.subscribe({
      target: "fake:C1",
      time: "08:00",
      timezone: "UTC",
    });
    h.time.advance(60_000);
    await h.addRelease("Published five days ago, found today", undefined, "2026-03-22");
    await h.store.saveRelease({
      contentHash: "undated",
      sourceLanguage: "en",
      texts: { en: { lang: "en", title: "No publication date known", paragraphs: ["Allies met."], official: true } },
    });
    h.time.advance(60_000);
    await h.addRelease("Published today");
    h.time.advance(60_000);
    const preview = await h.digests.schedule.preview(subscription);
    expect(headlines(preview.items)).toEqual([
      "Published today",
      "No publication date known",
      "Published five days ago, found today",
    ]);
    const [outcome] = await h.time.run(h.digests.schedule.runNow([subscription.id]));
    expect(outcome?.status).toBe("posted");
    expect(headlines(platform.postsTo("fake:C1")[0]!.part.items)).toEqual(headlines(preview.items));
  });

  it("leaves out archives (published over a week before the window opened) and counts them", async () => {
    const { h } = world();
    const { subscription } = await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    await h.addRelease("Summit communiqué from 2019", undefined, "2019-12-04");
    await h.addRelease("Last month's release", undefined, "2026-02-20");
    await h.addRelease("Seven days before the window", undefined, "2026-03-19");
    h.time.advance(60_000);
    const preview = await h.digests.schedule.preview(subscription);
    // The first window is the last 24 h, opened on 2026-03-26: a week before it is 2026-03-19.
    expect(headlines(preview.items)).toEqual(["Seven days before the window"]);
    expect(preview.backdated).toBe(2);
  });

  it("does not carry a release again that an earlier digest carried, nor one stored before the window", async () => {
    const { h, platform } = world();
    await h.addRelease("Stored two days ago");
    h.time.advance(2 * 24 * 3600_000);
    const { subscription } = await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    await h.addRelease("Stored today");
    h.time.advance(60_000);
    await h.time.run(h.digests.schedule.runNow([subscription.id]));
    expect(headlines(platform.posts[0]!.part.items)).toEqual(["Stored today"]);
    h.time.advance(24 * 3600_000);
    expect((await h.digests.schedule.preview(subscription)).items).toEqual([]);
  });
});

describe("preview and delivery agree on the period", () => {
  it("labels a cron subscription's preview with the period --run-now records", async () => {
    const { h } = world("2026-03-27T10:00:00Z");
    const { subscription } = await h.digests.subscriptions.subscribe({
      target: "fake:C1",
      cron: "0 8,17 * * *",
      timezone: "UTC",
    });
    await h.addRelease("Allies agree new plan");
    h.time.advance(60_000);
    const preview = await h.digests.schedule.preview(subscription);
    const [outcome] = await h.time.run(h.digests.schedule.runNow([subscription.id]));
    expect(preview.period).toBe("2026-03-27T08:00");
    expect(outcome?.period).toBe(preview.period);
  });
});

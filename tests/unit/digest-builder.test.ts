import { afterEach, describe, expect, it } from "vitest";
import type { Digest } from "../../src/core/digest/digest.js";
import { splitDigest } from "../../src/core/digest/split-digest.js";
import type { Subscription } from "../../src/core/domain/subscription.js";
import { FakePlatform, VirtualTime } from "./digest-fakes.js";
import { type Harness, harness } from "./digest-harness.js";

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});
function setup(): Harness {
  const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
  const h = harness({ time, targets: () => [new FakePlatform(time)] });
  open.push(h);
  return h;
}

const request = (h: Harness, hoursBack = 24) => ({
  period: "p",
  scheduledFor: h.time.now(),
  since: new Date(h.time.now().getTime() - hoursBack * 3600_000),
  until: h.time.now(),
  delayed: false,
});

describe("digest builder", () => {
  it("takes the releases stored in the window that match the topics, newest first", async () => {
    const h = setup();
    await h.addRelease("Old news about Ukraine");
    h.time.advance(25 * 3600_000);
    await h.addRelease("Allies discuss Ukraine support");
    h.time.advance(60_000);
    await h.addRelease("Cyber défense exercise", "Allies trained their CYBERDÉFENSE teams in Tallinn. It went well.");
    h.time.advance(60_000);
    await h.addRelease("Gardening club meets", "Nothing to do with the topics at all. Really nothing.");
    h.time.advance(60_000);
    const { subscription } = await h.digests.subscriptions.subscribe({
      target: "fake:C1",
      topics: ["ukraine", "cyberdefense"],
    });
    const digest = await h.digests.builder.build(subscription, request(h));
    expect(digest.items.map((i) => i.text.en?.headline)).toEqual([
      "Cyber défense exercise",
      "Allies discuss Ukraine support",
    ]);
    const [item] = digest.items;
    expect(item?.text.en?.summary).toBe("Allies trained their CYBERDÉFENSE teams in Tallinn.");
    expect(item?.text.fr).toMatchObject({ headline: "FR Cyber défense exercise", provenance: "machine-offline" });
    expect(item?.links.en).toMatch(/^https:\/\/www\.nato\.int\//);
    expect(digest).toMatchObject({ languages: ["en", "fr"], omitted: 0, topics: ["ukraine", "cyberdefense"] });
  });

  it("leaves out back-dated releases ingested today (an archive import is not news)", async () => {
    const h = setup();
    await h.addRelease("Summit communiqué from 2019", undefined, "2019-12-04");
    const { subscription } = await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    expect((await h.digests.builder.build(subscription, request(h))).items).toEqual([]);
  });

  it("briefs each release once however many subscriptions include it", async () => {
    const h = setup();
    for (let i = 0; i < 3; i++) await h.addRelease(`Release ${i}`);
    h.time.advance(60_000);
    const subs: Subscription[] = [];
    for (let i = 0; i < 500; i++) {
      const languages = i % 2 ? "en" : "fr";
      subs.push((await h.digests.subscriptions.subscribe({ target: `fake:C${i}`, languages })).subscription);
    }
    const digests = await Promise.all(subs.map((s) => h.digests.builder.build(s, request(h))));
    expect(digests.every((d) => d.items.length === 3)).toBe(true);
    expect(h.engine.calls).toBe(3);
  });

  it("splits by the target's measure, keeping items whole and in order", () => {
    const item = (n: number) => ({ releaseId: `r${n}`, text: {}, links: {} });
    const digest: Digest = {
      subscriptionId: "s",
      target: "fake:C1",
      period: "2026-03-27",
      languages: ["en"],
      topics: [],
      window: { since: "", until: "" },
      scheduledFor: "",
      timezone: "UTC",
      delayed: false,
      items: [1, 2, 3, 4, 5].map(item),
      omitted: 0,
      generatedAt: "",
    };
    const parts = splitDigest(digest, (p) => 10 + p.items.length * 10, 30);
    expect(parts.map((p) => [p.index, p.total, p.items.map((i) => i.releaseId)])).toEqual([
      [0, 3, ["r1", "r2"]],
      [1, 3, ["r3", "r4"]],
      [2, 3, ["r5"]],
    ]);
    expect(splitDigest({ ...digest, items: [] }, () => 10, 30)).toHaveLength(1);
    // An item larger than the limit on its own still goes out, alone.
    expect(splitDigest(digest, () => 1000, 30).map((p) => p.items.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

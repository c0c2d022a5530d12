import { describe, expect, it } from "vitest";
import type { DigestPart } from "../../src/core/digest/digest.js";
import { DigestPoster } from "../../src/core/digest/digest-poster.js";
import { parseTarget } from "../../src/core/domain/subscription.js";
import {
  type ChatTargetLimits,
  RejectedError,
  TargetGoneError,
  TransientError,
} from "../../src/core/ports/chat-target.port.js";
import { FakePlatform, memoryLogger, rateLimited, TEST_LIMITS, VirtualTime } from "./digest-fakes.js";

const PART = {
  digest: {
    subscriptionId: "s",
    target: "fake:C1",
    period: "2026-03-27",
    languages: ["en"],
    topics: [],
    window: { since: "", until: "" },
    scheduledFor: "",
    timezone: "UTC",
    delayed: false,
    omitted: 0,
    generatedAt: "",
  },
  items: [],
  index: 0,
  total: 1,
} satisfies DigestPart;

function setup(limits: Partial<ChatTargetLimits> = {}, random = () => 0.5) {
  const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
  const platform = new FakePlatform(time, { ...TEST_LIMITS, ...limits });
  const logger = memoryLogger();
  const poster = new DigestPoster(platform, { clock: time, sleep: time.sleep, random, logger });
  const post = (target: string, key = target) => poster.post(parseTarget(target), PART, key);
  return { time, platform, poster, post, logger };
}

describe("DigestPoster", () => {
  it("spaces posts in one conversation (Teams: 7 per second per conversation), whatever the concurrency", async () => {
    const { time, platform, post } = setup({ perConversation: { count: 7, perMs: 1000 }, concurrency: 16 });
    const start = time.now().getTime();
    await time.run(Promise.all(Array.from({ length: 14 }, (_, i) => post("fake:A", `a${i}`))));
    const at = platform.postsTo("fake:A").map((p) => p.at - start);
    expect(platform.violations).toBe(0);
    for (let i = 7; i < at.length; i++) expect(at[i]! - at[i - 7]!).toBeGreaterThanOrEqual(1000);
    // 13 gaps of 1000/7 ms, plus the pacer's 1 % safety margin.
    expect(at.at(-1)!).toBeGreaterThanOrEqual((13 * 1000) / 7);
    expect(at.at(-1)!).toBeLessThanOrEqual(((13 * 1000) / 7) * 1.011);
  });

  it("fills the bot-wide rate across conversations: 40 posts at 20/s take 39 intervals (+1 % margin)", async () => {
    const { time, platform, post } = setup({ global: { count: 20, perMs: 1000 }, concurrency: 16 });
    const start = time.now().getTime();
    await time.run(Promise.all(Array.from({ length: 40 }, (_, i) => post(`fake:B${i}`))));
    const at = platform.posts.map((p) => p.at - start).sort((a, b) => a - b);
    expect(at).toHaveLength(40);
    expect(at.every((t, i) => i === 0 || t - at[i - 1]! >= 50 - 1e-6)).toBe(true);
    expect(at.at(-1)!).toBeGreaterThanOrEqual(1950);
    expect(at.at(-1)!).toBeLessThanOrEqual(1950 * 1.011);
  });

  it("waits for Retry-After on a 429 and holds the whole conversation meanwhile", async () => {
    const { time, platform, post } = setup({ perConversation: { count: 10, perMs: 1000 } });
    platform.script = (call) => (call === 1 ? rateLimited(30_000) : "ok");
    const start = time.now().getTime();
    await time.run(Promise.all([post("fake:C1", "k1"), post("fake:C1", "k2")]));
    expect(platform.posts.map((p) => p.key).sort()).toEqual(["k1", "k2"]);
    for (const p of platform.posts) expect(p.at - start).toBeGreaterThanOrEqual(30_000);
  });

  it("backs off exponentially with jitter on transient errors (Teams 412/502/504), then gives up", async () => {
    const jitter = [0, 0.99, 0.5, 0.25];
    const { time, platform, post } = setup(
      { maxAttempts: 4, baseBackoffMs: 1000, maxBackoffMs: 3000, perConversation: { count: 100, perMs: 1000 } },
      () => jitter.shift()!,
    );
    platform.script = () => new TransientError("HTTP 504");
    await expect(time.run(post("fake:C1"))).rejects.toThrow("HTTP 504");
    const at = platform.calls.map((c) => c.at - platform.calls[0]!.at);
    // Half the ceiling plus jitter: ceilings 1 s, 2 s, 3 s (capped).
    expect(at).toEqual([0, 500, 500 + 1990, 500 + 1990 + 2250]);
  });

  it("never retries a gone target or a rejected message", async () => {
    const gone = setup();
    gone.platform.gone.add("fake:C1");
    await expect(gone.time.run(gone.post("fake:C1"))).rejects.toBeInstanceOf(TargetGoneError);
    expect(gone.platform.calls).toHaveLength(1);

    const rejected = setup();
    rejected.platform.script = () => new RejectedError("invalid_blocks");
    await expect(rejected.time.run(rejected.post("fake:C1"))).rejects.toBeInstanceOf(RejectedError);
    expect(rejected.platform.calls).toHaveLength(1);
  });
});

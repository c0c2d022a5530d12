import { afterEach, describe, expect, it } from "vitest";
import type { ChatTargetLimits } from "../../src/core/ports/chat-target.port.js";
import { TransientError } from "../../src/core/ports/chat-target.port.js";
import { FakePlatform, rateLimited, TEST_LIMITS, VirtualTime } from "./digest-fakes.js";
import { type Harness, harness } from "./digest-harness.js";

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});
/** One process (a harness over a temp SQLite file) and one fake platform that outlives it. */
function world(options: { limits?: ChatTargetLimits; canFindPosted?: boolean; postWhenEmpty?: boolean } = {}) {
  const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
  const platform = new FakePlatform(time, options.limits, { canFindPosted: options.canFindPosted });
  const h = harness({ time, targets: () => [platform], postWhenEmpty: options.postWhenEmpty });
  open.push(h);
  return { h, platform };
}
function restart(h: Harness): Harness {
  const next = h.restart();
  open.push(next);
  return next;
}

describe("digest delivery", () => {
  it("posts each target exactly once when run now twice", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    await h.digests.subscriptions.subscribe({ target: "fake:C2", languages: "fr" });
    h.time.advance(60_000);
    const first = await h.time.run(h.digests.schedule.runNow());
    const second = await h.time.run(h.digests.schedule.runNow());
    expect(first.map((o) => o.status)).toEqual(["posted", "posted"]);
    expect(second.map((o) => o.status)).toEqual(["already-done", "already-done"]);
    expect(platform.postsTo("fake:C1")).toHaveLength(1);
    expect(platform.postsTo("fake:C2")).toHaveLength(1);
    expect(platform.postsTo("fake:C2")[0]?.part.items[0]?.text.fr?.headline).toBe("FR Allies agree new plan");
    expect(platform.postsTo("fake:C2")[0]?.part.items[0]?.text.en).toBeUndefined();
  });

  it("resumes a fan-out killed between two posts: no duplicate, no loss", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    for (const c of ["C1", "C2", "C3", "C4"]) await h.digests.subscriptions.subscribe({ target: `fake:${c}` });
    h.time.advance(60_000);
    // The third post never returns: the process dies there, before the platform accepts it.
    platform.script = (call) => (call === 3 ? "hang-before" : "ok");
    void h.digests.schedule.runNow();
    await new Promise((r) => setTimeout(r, 50));
    expect(platform.posts).toHaveLength(3);
    const missed = platform.calls[2]!.target;
    expect(platform.postsTo(missed)).toHaveLength(0);

    // A new process over the same file, after the dead one's lease ran out.
    h.time.advance(5 * 60_000);
    platform.script = () => "ok";
    const h2 = restart(h);
    const outcomes = await h2.time.run(h2.digests.schedule.catchUp());
    // Only the interrupted row was left to do; the others were already recorded as posted.
    expect(outcomes.map((o) => [o.target, o.status])).toEqual([[missed, "posted"]]);
    for (const c of ["C1", "C2", "C3", "C4"]) expect(platform.postsTo(`fake:${c}`)).toHaveLength(1);
    expect((await h2.digests.ledger.list()).every((d) => d.state === "posted")).toBe(true);
  });

  it("does not repeat a part the platform accepted just before the crash, when the target can find it", async () => {
    const { h, platform } = world({ canFindPosted: true });
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    platform.script = (call) => (call === 1 ? "hang-after-accept" : "ok");
    void h.digests.schedule.runNow();
    await new Promise((r) => setTimeout(r, 50));
    expect((await h.digests.ledger.list())[0]?.parts[0]?.state).toBe("posting");

    h.time.advance(5 * 60_000);
    const h2 = restart(h);
    await h2.time.run(h2.digests.schedule.catchUp());
    expect(platform.postsTo("fake:C1")).toHaveLength(1);
    expect((await h2.digests.ledger.list())[0]?.state).toBe("posted");
  });

  it("documents the at-least-once window: a target that cannot look up a post may see that one part twice", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    platform.script = (call) => (call === 1 ? "hang-after-accept" : "ok");
    void h.digests.schedule.runNow();
    await new Promise((r) => setTimeout(r, 50));
    h.time.advance(5 * 60_000);
    const h2 = restart(h);
    await h2.time.run(h2.digests.schedule.catchUp());
    const posts = platform.postsTo("fake:C1");
    expect(posts).toHaveLength(2);
    // Same idempotency key both times: a platform that deduplicates on it shows one message.
    expect(new Set(posts.map((p) => p.key)).size).toBe(1);
  });

  it("retries a 429 after Retry-After, then succeeds", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    platform.script = (call) => (call === 1 ? rateLimited(7000) : "ok");
    const [outcome] = await h.time.run(h.digests.schedule.runNow());
    expect(outcome?.status).toBe("posted");
    expect(platform.calls).toHaveLength(2);
    const gap = platform.calls[1]!.at - platform.calls[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(7000);
    expect(gap).toBeLessThanOrEqual(7700);
    expect(
      h.logger.lines.some((l) => l.msg === "digest post will be retried" && l.fields?.kind === "rate-limited"),
    ).toBe(true);
  });

  it("disables a subscription whose target was deleted, logs it, and serves the others", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    const gone = (await h.digests.subscriptions.subscribe({ target: "fake:GONE" })).subscription;
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    await h.digests.subscriptions.subscribe({ target: "fake:C2" });
    platform.gone.add("fake:GONE");
    h.time.advance(60_000);
    const outcomes = await h.time.run(h.digests.schedule.runNow());
    expect(outcomes.map((o) => o.status)).toEqual(["target-gone", "posted", "posted"]);
    expect(await h.digests.subscriptions.get(gone.id)).toMatchObject({
      enabled: false,
      disabledReason: /channel_not_found/,
    });
    expect(h.logger.lines.find((l) => l.msg.includes("target is gone"))?.level).toBe("warn");
    expect(platform.calls.filter((c) => c.target === "fake:GONE")).toHaveLength(1);
  });

  it("marks a delivery failed after the last attempt and finishes it on the next run", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    platform.script = () => new TransientError("HTTP 502");
    const [failed] = await h.time.run(h.digests.schedule.runNow());
    expect(failed).toMatchObject({ status: "failed", error: "HTTP 502" });
    expect(platform.calls).toHaveLength(TEST_LIMITS.maxAttempts);
    platform.script = () => "ok";
    const [retried] = await h.time.run(h.digests.schedule.runNow());
    expect(retried?.status).toBe("posted");
    expect(platform.posts).toHaveLength(1);
  });

  it("rebuilds a digest whose build failed, on the next run", async () => {
    const { h, platform } = world();
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    const brief = h.engine.brief.bind(h.engine);
    h.engine.brief = async () => {
      throw new Error("engine down");
    };
    const [failed] = await h.time.run(h.digests.schedule.runNow());
    expect(failed).toMatchObject({ status: "failed", error: "engine down" });
    h.engine.brief = brief;
    const [retried] = await h.time.run(h.digests.schedule.runNow());
    expect(retried).toMatchObject({ status: "posted", partsPosted: 1 });
    expect(platform.posts).toHaveLength(1);
  });

  it("posts nothing when nothing is new, or a short line when configured to", async () => {
    const quiet = world();
    await quiet.h.digests.subscriptions.subscribe({ target: "fake:C1" });
    const [none] = await quiet.h.time.run(quiet.h.digests.schedule.runNow());
    expect(none?.status).toBe("empty");
    expect(quiet.platform.posts).toHaveLength(0);

    const chatty = world({ postWhenEmpty: true });
    await chatty.h.digests.subscriptions.subscribe({ target: "fake:C1" });
    const [line] = await chatty.h.time.run(chatty.h.digests.schedule.runNow());
    expect(line?.status).toBe("posted");
    expect(chatty.platform.posts[0]?.part.items).toEqual([]);
  });

  it("splits a long digest into parts that fit, paced one per second in the same channel", async () => {
    const { h, platform } = world({ limits: { ...TEST_LIMITS, maxPartSize: 350 } });
    for (let i = 0; i < 5; i++) {
      await h.addRelease(`Release ${i}`);
      h.time.advance(1000);
    }
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    await h.time.run(h.digests.schedule.runNow());
    // 100 + 100 per item ≤ 350: two items per part.
    expect(platform.posts.map((p) => [p.part.index, p.part.total, p.part.items.length])).toEqual([
      [0, 3, 2],
      [1, 3, 2],
      [2, 3, 1],
    ]);
    expect(platform.violations).toBe(0);
    expect(platform.posts[1]!.at - platform.posts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(platform.posts[0]?.part.items.map((i) => i.text.en?.headline)).toEqual(["Release 4", "Release 3"]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { DigestPart } from "../../src/core/digest/digest.js";
import { DigestDelivery } from "../../src/core/digest/digest-delivery.js";
import { realSleep } from "../../src/core/digest/pacer.js";
import type { ChatTarget, PostResult } from "../../src/core/ports/chat-target.port.js";
import { systemClock } from "../../src/core/ports/clock.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { DeliveryLedger } from "../../src/core/ports/subscription-store.port.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteDeliveryLedger } from "../../src/infra/store/sqlite-delivery-ledger.js";
import { SqliteSubscriptionStore } from "../../src/infra/store/sqlite-subscription-store.js";
import { FakePlatform, TEST_LIMITS, VirtualTime } from "./digest-fakes.js";
import { type Harness, harness } from "./digest-harness.js";

/**
 * Two replicas on one ledger, interleaved where a fan-out across processes can interleave: replica A is the
 * harness's digest system; replica B a second DigestDelivery over the same database file with its own ledger
 * owner (liveness by lease only, as across hosts).
 */
let open: Harness[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const h of open) h.close();
  for (const close of closers.splice(0)) close();
  open = [];
});

function replicaB(h: Harness, target: ChatTarget, wrap: (l: DeliveryLedger) => DeliveryLedger) {
  const db = openDatabase(h.file);
  closers.push(() => db.close());
  const ledger = new SqliteDeliveryLedger(db, { now: () => h.time.now(), isAlive: () => true, owner: "replica-b" });
  const delivery = new DigestDelivery({
    subscriptions: new SqliteSubscriptionStore(db),
    ledger: wrap(ledger),
    builder: h.digests.builder,
    targets: new Map([[target.platform, target]]),
    clock: h.time,
    sleep: h.time.sleep,
    logger: silentLogger,
    postWhenEmpty: false,
  });
  return { delivery, ledger };
}

describe("digest delivery across replicas", () => {
  it("does not post again a row another replica delivered between its open and its claim", async () => {
    const time = { start: "2026-03-27T12:00:00Z" };
    const h = harness({ ...time, targets: (t) => [new FakePlatform(t)] });
    open.push(h);
    const platform = new FakePlatform(h.time);
    const a = harness({ file: h.file, time: h.time, targets: () => [platform] });
    open.push(a);
    await a.addRelease("Allies agree new plan");
    const { subscription } = await a.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    // B opens the row (pending), then, before its claim, A delivers the whole row and lets it go.
    let interleave: (() => Promise<unknown>) | undefined = () => a.time.run(a.digests.schedule.runNow());
    const { delivery } = replicaB(
      h,
      platform,
      (ledger) =>
        new Proxy(ledger, {
          get(target, prop) {
            const value = Reflect.get(target, prop, target);
            if (prop !== "claim" || typeof value !== "function")
              return typeof value === "function" ? value.bind(target) : value;
            return async (...args: Parameters<DeliveryLedger["claim"]>) => {
              const first = interleave;
              interleave = undefined;
              if (first) await first();
              return target.claim(...args);
            };
          },
        }),
    );
    const outcome = await h.time.run(delivery.deliver(subscription, h.time.now()));
    expect(outcome.status).toBe("already-done");
    expect(platform.postsTo("fake:C1")).toHaveLength(1);
  });

  it("delivers a row once when two runs in one process reach it at the same time", async () => {
    const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
    const platform = new FakePlatform(time);
    const h = harness({ time, targets: () => [platform] });
    open.push(h);
    await h.addRelease("Allies agree new plan");
    await h.digests.subscriptions.subscribe({ target: "fake:C1" });
    h.time.advance(60_000);
    const [one, two] = await h.time.run(Promise.all([h.digests.schedule.runNow(), h.digests.schedule.runNow()]));
    expect([one?.[0]?.status, two?.[0]?.status].sort()).toEqual(["busy", "posted"]);
    expect(platform.postsTo("fake:C1")).toHaveLength(1);
  });

  it("keeps its claim while one part waits longer than the lease, so no other replica takes the row", async () => {
    let release: (() => void) | undefined;
    let posting: (() => void) | undefined;
    const inPost = new Promise<void>((r) => {
      posting = r;
    });
    const slow: ChatTarget = {
      platform: "slow",
      limits: TEST_LIMITS,
      measure: () => 100,
      async post(_t, _p: DigestPart, options): Promise<PostResult> {
        posting?.();
        await new Promise<void>((r) => {
          release = r;
        });
        return { messageId: options.idempotencyKey };
      },
    };
    // Real time here (the lease runs out in real milliseconds): the harness only stores the release and the row.
    const h = harness({ start: new Date().toISOString(), targets: () => [slow] });
    open.push(h);
    await h.addRelease("Allies agree new plan");
    const { subscription } = await h.digests.subscriptions.subscribe({ target: "slow:C1" });
    const db = openDatabase(h.file);
    closers.push(() => db.close());
    const ledger = (owner: string) => new SqliteDeliveryLedger(db, { isAlive: () => true, owner });
    const realA = new DigestDelivery({
      subscriptions: new SqliteSubscriptionStore(db),
      ledger: ledger("replica-a"),
      builder: h.digests.builder,
      targets: new Map([["slow", slow]]),
      clock: systemClock,
      sleep: realSleep,
      logger: silentLogger,
      postWhenEmpty: false,
      leaseMs: 150,
    });
    const delivering = realA.deliver(subscription, new Date());
    await inPost;
    await realSleep(500);
    const other = ledger("replica-b");
    const period = (await other.list())[0]!.period;
    expect(await other.claim(subscription.id, period, 150)).toBe(false);
    release?.();
    expect((await delivering).status).toBe("posted");
  });

  it("resumes, while running, the rows a replica left when it died mid fan-out, once its lease ran out", async () => {
    const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
    const platform = new FakePlatform(time, TEST_LIMITS, { canFindPosted: true });
    const a = harness({ time, targets: () => [platform] });
    const b = harness({ file: a.file, time, targets: () => [platform] });
    open.push(a, b);
    await a.addRelease("Allies agree new plan");
    for (const c of ["C1", "C2", "C3", "C4"]) await a.digests.subscriptions.subscribe({ target: `fake:${c}` });
    time.advance(60_000);
    // A's third post never returns: A "dies" there, its claims on that row (and the rows not yet sent) left.
    platform.script = (call) => (call === 3 ? "hang-before" : "ok");
    void a.digests.schedule.runNow();
    await new Promise((r) => setTimeout(r, 50));
    platform.script = () => "ok";
    // While A's lease runs, B's resume finds the row held and leaves it.
    expect(await time.run(b.digests.schedule.resumeLapsed())).toEqual([]);
    expect(platform.posts).toHaveLength(3);
    time.advance(5 * 60_000);
    const outcomes = await time.run(b.digests.schedule.resumeLapsed());
    expect(outcomes.filter((o) => o.status === "posted")).toHaveLength(1);
    for (const c of ["C1", "C2", "C3", "C4"]) expect(platform.postsTo(`fake:${c}`)).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { DigestPart } from "../../../src/core/digest/digest.js";
import type { FixtureFactory, StoreFixture } from "./fixture.js";
import { subscriptionInput } from "./subscription-store.contract.js";

const part = (index: number, total: number): DigestPart =>
  ({ index, total, items: [], header: { period: "p" } }) as unknown as DigestPart;

/** DeliveryLedger: rows opened once, claimed by one owner at a time, parts written ahead of each post. */
export function deliveryLedgerContract(open: FixtureFactory): void {
  describe("DeliveryLedger", () => {
    let f: StoreFixture;
    afterEach(async () => f?.close());

    async function subscribed() {
      f = await open();
      return (await f.stores.subscriptions.upsert(subscriptionInput())).subscription.id;
    }

    it("opens a row once and keeps it as stored", async () => {
      const id = await subscribed();
      const l = f.stores.ledger;
      const row = await l.open({
        subscriptionId: id,
        period: "2026-03-27",
        scheduledFor: "2026-03-27T08:00:00.000Z",
        delayed: true,
      });
      expect(row).toMatchObject({
        subscriptionId: id,
        period: "2026-03-27",
        state: "pending",
        attempts: 0,
        delayed: true,
        parts: [],
      });
      const again = await l.open({ subscriptionId: id, period: "2026-03-27", scheduledFor: "later", delayed: false });
      expect(again).toEqual(row);
      expect(await l.get(id, "other")).toBeUndefined();
    });

    it("freezes parts, marks them posting then posted, finishes; the window end moves on", async () => {
      const id = await subscribed();
      const l = f.stores.ledger;
      await l.open({ subscriptionId: id, period: "p1", scheduledFor: "2026-03-27T08:00:00.000Z", delayed: false });
      expect(await l.lastWindowEnd(id)).toBeUndefined();
      const frozen = await l.freeze(
        id,
        "p1",
        { since: "2026-03-26T08:00:00.000Z", until: "2026-03-27T08:00:00.000Z" },
        [part(0, 2), part(1, 2)],
      );
      expect(frozen).toMatchObject({ state: "posting", attempts: 1, window: { until: "2026-03-27T08:00:00.000Z" } });
      expect(frozen.parts.map((p) => [p.index, p.state, p.part.index])).toEqual([
        [0, "pending", 0],
        [1, "pending", 1],
      ]);
      expect(new Set(frozen.parts.map((p) => p.idempotencyKey)).size).toBe(2);
      expect(await l.lastWindowEnd(id)).toBe("2026-03-27T08:00:00.000Z");
      await l.markPartPosting(id, "p1", 0);
      await l.markPartPosted(id, "p1", 0, "m-0");
      await l.markPartPosting(id, "p1", 1);
      expect((await l.unfinished("2026-03-01T00:00:00.000Z")).map((d) => d.period)).toEqual(["p1"]);
      expect((await l.get(id, "p1"))?.parts.map((p) => [p.state, p.attempts, p.messageId])).toEqual([
        ["posted", 1, "m-0"],
        ["posting", 1, undefined],
      ]);
      await l.retry(id, "p1");
      expect((await l.get(id, "p1"))?.attempts).toBe(2);
      await l.markPartPosted(id, "p1", 1, "m-1");
      await l.finish(id, "p1", "posted");
      const done = await l.get(id, "p1");
      expect(done).toMatchObject({ state: "posted", attempts: 2 });
      expect(done?.doneAt).toBeDefined();
      expect(await l.unfinished("2026-03-01T00:00:00.000Z")).toEqual([]);
    });

    it("records a failure with its reason and no done time; an empty digest counts as delivered", async () => {
      const id = await subscribed();
      const l = f.stores.ledger;
      await l.open({ subscriptionId: id, period: "a", scheduledFor: "2026-03-27T08:00:00.000Z", delayed: false });
      await l.finish(id, "a", "failed", "channel_not_found");
      expect(await l.get(id, "a")).toMatchObject({
        state: "failed",
        lastError: "channel_not_found",
        doneAt: undefined,
      });
      await l.open({ subscriptionId: id, period: "b", scheduledFor: "2026-03-28T08:00:00.000Z", delayed: false });
      await l.freeze(id, "b", { since: "x", until: "2026-03-28T08:00:00.000Z" }, []);
      await l.finish(id, "b", "empty");
      expect(await l.lastWindowEnd(id)).toBe("2026-03-28T08:00:00.000Z");
      expect((await l.list({ subscriptionId: id })).map((d) => d.period)).toEqual(["b", "a"]);
      expect(await l.list({ subscriptionId: id, limit: 1 })).toHaveLength(1);
      expect(await l.list({ subscriptionId: "nope" })).toEqual([]);
    });

    it("lets one owner at a time claim a row, renew it, release it; an expired lease goes to another", async () => {
      const id = await subscribed();
      const mine = f.stores.ledger;
      const theirs = (await f.other()).ledger;
      await mine.open({ subscriptionId: id, period: "p", scheduledFor: "x", delayed: false });
      expect(await mine.claim(id, "p", 60_000)).toBe(true);
      expect(await theirs.claim(id, "p", 60_000)).toBe(false);
      expect(await mine.claim(id, "p", 60_000)).toBe(true); // renewed
      f.clock.advance(59_000);
      expect(await theirs.claim(id, "p", 60_000)).toBe(false);
      f.clock.advance(2_000);
      expect(await theirs.claim(id, "p", 60_000)).toBe(true);
      expect(await mine.claim(id, "p", 60_000)).toBe(false);
      await mine.release(id, "p"); // not its claim: nothing changes
      expect(await mine.claim(id, "p", 60_000)).toBe(false);
      await theirs.release(id, "p");
      expect(await mine.claim(id, "p", 60_000)).toBe(true);
      expect(await mine.claim("nope", "p", 60_000)).toBe(false);
    });

    it("of many owners claiming one row at once, exactly one gets it", async () => {
      const id = await subscribed();
      const owners = [f.stores, await f.other(), await f.other(), await f.other()];
      await f.stores.ledger.open({ subscriptionId: id, period: "p", scheduledFor: "x", delayed: false });
      const wins = await Promise.all(owners.map((s) => s.ledger.claim(id, "p", 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });
}

import { afterEach, describe, expect, it } from "vitest";
import { scheduleFrom } from "../../../src/core/domain/subscription.js";
import type { FixtureFactory, StoreFixture } from "./fixture.js";

export const subscriptionInput = (target = "slack:T1:C1") => ({
  target,
  schedule: scheduleFrom({}),
  timezone: "UTC",
  languages: "en" as const,
  topics: [] as string[],
});

/** SubscriptionStore: one subscription per target, updated in place, delivery history removed with it. */
export function subscriptionStoreContract(open: FixtureFactory): void {
  describe("SubscriptionStore", () => {
    let f: StoreFixture;
    afterEach(async () => f?.close());

    it("keeps one subscription per target, updates it in place and enables it again", async () => {
      f = await open();
      const s = f.stores.subscriptions;
      const a = await s.upsert({ ...subscriptionInput(), createdBy: "slack:T1:U1" });
      expect(a).toMatchObject({ created: true, subscription: { target: "slack:T1:C1", enabled: true, topics: [] } });
      await s.setEnabled(a.subscription.id, false, "target gone: channel_not_found");
      expect(await s.get(a.subscription.id)).toMatchObject({ enabled: false, disabledReason: /channel_not_found/ });
      const b = await s.upsert({ ...subscriptionInput(), topics: ["cyber"], languages: "both" });
      expect(b).toMatchObject({
        created: false,
        subscription: {
          id: a.subscription.id,
          topics: ["cyber"],
          languages: "both",
          enabled: true,
          createdBy: "slack:T1:U1",
        },
      });
      expect(b.subscription.disabledReason).toBeUndefined();
      expect((await s.findByTarget("slack:T1:C1"))?.id).toBe(a.subscription.id);
      expect(await s.findByTarget("slack:T1:C9")).toBeUndefined();
    });

    it("lists in creation order, enabled only on request; retargets and removes", async () => {
      f = await open();
      const s = f.stores.subscriptions;
      const one = (await s.upsert(subscriptionInput("slack:T1:C1"))).subscription;
      const two = (await s.upsert(subscriptionInput("slack:T1:C2"))).subscription;
      const three = (await s.upsert(subscriptionInput("slack:T1:C3"))).subscription;
      await s.setEnabled(two.id, false);
      expect((await s.list()).map((x) => x.id)).toEqual([one.id, two.id, three.id]);
      expect((await s.list({ enabledOnly: true })).map((x) => x.id)).toEqual([one.id, three.id]);
      expect(await s.retarget(three.id, "slack:T2:C3")).toMatchObject({ id: three.id, target: "slack:T2:C3" });
      expect(await s.retarget("nope", "x:y")).toBeUndefined();
      expect(await s.setEnabled("nope", true)).toBeUndefined();
      expect(await s.remove(one.id)).toBe(true);
      expect(await s.remove(one.id)).toBe(false);
      expect((await s.list()).map((x) => x.target)).toEqual(["slack:T1:C2", "slack:T2:C3"]);
    });

    it("forgets a removed subscription's delivery history", async () => {
      f = await open();
      const { subscription } = await f.stores.subscriptions.upsert(subscriptionInput());
      await f.stores.ledger.open({ subscriptionId: subscription.id, period: "p", scheduledFor: "x", delayed: false });
      expect(await f.stores.ledger.list()).toHaveLength(1);
      await f.stores.subscriptions.remove(subscription.id);
      expect(await f.stores.ledger.list()).toEqual([]);
    });

    it("two writers subscribing one target at once make one subscription", async () => {
      f = await open();
      const other = await f.other();
      const [a, b] = await Promise.all([
        f.stores.subscriptions.upsert(subscriptionInput()),
        other.subscriptions.upsert(subscriptionInput()),
      ]);
      expect(a!.subscription.id).toBe(b!.subscription.id);
      expect([a!.created, b!.created].sort()).toEqual([false, true]);
    });
  });
}

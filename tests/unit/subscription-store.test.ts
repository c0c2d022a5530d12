import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CommandHandler } from "../../src/core/commands/command-handler.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { periodKey } from "../../src/core/digest/period.js";
import { cronOf, parseTarget, scheduleFrom } from "../../src/core/domain/subscription.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteDeliveryLedger } from "../../src/infra/store/sqlite-delivery-ledger.js";
import { SqliteSubscriptionStore } from "../../src/infra/store/sqlite-subscription-store.js";
import { FakePlatform, VirtualTime } from "./digest-fakes.js";
import { harness } from "./digest-harness.js";

describe("subscription schedules", () => {
  it("turns days and times into node-cron text", () => {
    expect(cronOf(scheduleFrom({}))).toBe("0 8 * * *");
    expect(cronOf(scheduleFrom({ days: "weekdays", time: "7:05" }))).toBe("5 7 * * 1-5");
    expect(cronOf(scheduleFrom({ days: "monday", time: "18:30" }))).toBe("30 18 * * 1");
    expect(cronOf(scheduleFrom({ days: "dimanche" }))).toBe("0 8 * * 0");
    expect(cronOf(scheduleFrom({ cron: " 0  9 * * 1,3 " }))).toBe("0 9 * * 1,3");
    expect(() => scheduleFrom({ cron: "0 9 * * *", time: "08:00" })).toThrow(/either a cron expression or days\/time/);
  });

  it("keys periods by the local date of the run, the local minute for cron schedules", () => {
    const daily = scheduleFrom({ time: "00:30" });
    // 23:30 UTC on 27 March is 00:30 on 28 March in Brussels.
    expect(periodKey(daily, "Europe/Brussels", new Date("2026-03-27T23:30:00Z"))).toBe("2026-03-28");
    expect(periodKey(daily, "America/Montreal", new Date("2026-03-27T23:30:00Z"))).toBe("2026-03-27");
    expect(periodKey(scheduleFrom({ cron: "*/30 * * * *" }), "Asia/Kolkata", new Date("2026-03-27T23:30:00Z"))).toBe(
      "2026-03-28T05:00",
    );
  });

  it("reads targets with their platform, Teams conversation ids included", () => {
    expect(parseTarget("slack:C123")).toEqual({ platform: "slack", id: "C123", key: "slack:C123" });
    expect(parseTarget("teams:19:abc@thread.tacv2")).toMatchObject({ platform: "teams", id: "19:abc@thread.tacv2" });
  });
});

describe("SqliteSubscriptionStore and ledger", () => {
  it("keeps one subscription per target, updates it in place, survives reopen, cascades removal", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "subs-")), "t.db");
    const db = openDatabase(file);
    const store = new SqliteSubscriptionStore(db);
    const input = {
      target: "slack:C1",
      schedule: scheduleFrom({}),
      timezone: "UTC",
      languages: "en" as const,
      topics: [],
    };
    const a = await store.upsert(input);
    const b = await store.upsert({ ...input, topics: ["cyber"], languages: "both" });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({
      created: false,
      subscription: { id: a.subscription.id, topics: ["cyber"], languages: "both" },
    });
    await store.setEnabled(a.subscription.id, false, "target gone: channel_not_found");
    expect(await store.list({ enabledOnly: true })).toEqual([]);
    const ledger = new SqliteDeliveryLedger(db);
    await ledger.open({ subscriptionId: a.subscription.id, period: "2026-03-27", scheduledFor: "x", delayed: false });
    db.close();

    const db2 = openDatabase(file);
    const again = new SqliteSubscriptionStore(db2);
    expect(await again.get(a.subscription.id)).toMatchObject({ enabled: false, disabledReason: /channel_not_found/ });
    expect(await again.remove(a.subscription.id)).toBe(true);
    expect(await new SqliteDeliveryLedger(db2).list()).toEqual([]);
    db2.close();
  });

  it("lets one process at a time claim a delivery, and a dead one's claim lapse", async () => {
    const db = openDatabase(":memory:");
    const store = new SqliteSubscriptionStore(db);
    const { subscription } = await store.upsert({
      target: "slack:C1",
      schedule: scheduleFrom({}),
      timezone: "UTC",
      languages: "en",
      topics: [],
    });
    let now = Date.parse("2026-03-27T08:00:00Z");
    const clock = () => new Date(now);
    const alive = new Set(["host/1/a", "host/2/b"]);
    const one = new SqliteDeliveryLedger(db, { now: clock, owner: "host/1/a", isAlive: (o) => alive.has(o) });
    const two = new SqliteDeliveryLedger(db, { now: clock, owner: "host/2/b", isAlive: (o) => alive.has(o) });
    await one.open({ subscriptionId: subscription.id, period: "p", scheduledFor: "x", delayed: false });
    expect(await one.claim(subscription.id, "p", 60_000)).toBe(true);
    expect(await two.claim(subscription.id, "p", 60_000)).toBe(false);
    now += 61_000;
    expect(await two.claim(subscription.id, "p", 60_000)).toBe(true);
    expect(await one.claim(subscription.id, "p", 60_000)).toBe(false);
    alive.delete("host/2/b");
    expect(await one.claim(subscription.id, "p", 60_000)).toBe(true);
    db.close();
  });
});

describe("subscribe and unsubscribe commands", () => {
  it("subscribe in a conversation, change it, unsubscribe", async () => {
    const time = new VirtualTime(Date.parse("2026-03-27T12:00:00Z"));
    const h = harness({ time, targets: () => [new FakePlatform(time)] });
    const handler = new CommandHandler({
      store: h.store,
      briefs: undefined as never,
      ingest: undefined as never,
      subscriptions: h.digests.subscriptions,
    });
    const ctx = { userKey: "slack:T1:U1", conversationKey: "slack:C42" };
    const first = await handler.handle(parseCommand("subscribe 07:45 weekdays America/Montreal fr ukraine"), ctx);
    expect(first).toMatchObject({
      kind: "subscription",
      action: "subscribed",
      subscription: {
        target: "slack:C42",
        schedule: { kind: "weekdays", time: "07:45" },
        timezone: "America/Montreal",
        languages: "fr",
        topics: ["ukraine"],
        createdBy: "slack:T1:U1",
      },
    });
    expect(first.kind === "subscription" && first.text).toMatch(
      /weekdays at 07:45 \(America\/Montreal\), fr, topics: ukraine/,
    );
    expect(await handler.handle(parseCommand("subscribe 09:00"), ctx)).toMatchObject({ action: "updated" });
    expect(await handler.handle(parseCommand("subscribe 09:00 Europe/Nowhere"), ctx)).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/Europe\/Nowhere.*not an IANA timezone/),
    });
    expect(await handler.handle(parseCommand("unsubscribe"), ctx)).toMatchObject({ action: "unsubscribed" });
    expect(await handler.handle(parseCommand("unsubscribe"), ctx)).toMatchObject({ action: "not-subscribed" });
    h.close();
  });
});

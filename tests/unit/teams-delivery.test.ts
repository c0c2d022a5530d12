import { describe, expect, it } from "vitest";
import { type Clock, RateGate, TEAMS_PER_CONVERSATION } from "../../adapters/teams/delivery/rate-gate.js";
import {
  backoffMs,
  DEFAULT_RETRY,
  type RetryPolicy,
  retryAfterMsOf,
  withRetry,
} from "../../adapters/teams/delivery/retry.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteConversationRefs } from "../../src/infra/store/sqlite-conversation-refs.js";

/** A clock whose sleep moves time forward at once and records how long was asked. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { status: statusCode, headers: new Headers(headers) },
  });

describe("RateGate (Teams per-conversation limits)", () => {
  it("lets 7 messages through in a second, then waits; 8 per 2 s holds too", async () => {
    const clock = fakeClock();
    const gate = new RateGate(TEAMS_PER_CONVERSATION, clock);
    const start = clock.now();
    const times: number[] = [];
    for (let i = 0; i < 16; i++) {
      await gate.take("c1");
      times.push(clock.now() - start);
    }
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(7);
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 2000).length).toBeLessThanOrEqual(8);
    }
    // Another conversation is not held back by the first.
    const before = clock.now();
    await gate.take("c2");
    expect(clock.now()).toBe(before);
  });
});

describe("withRetry (429/412/502/504 with back-off and jitter)", () => {
  const policy = (clock: Clock, random = () => 0.5): RetryPolicy => ({ ...DEFAULT_RETRY, clock, random });

  it("retries 412, 429, 502 and 504, waiting longer each time, and returns the success", async () => {
    const clock = fakeClock();
    const errors = [httpError(412), httpError(429), httpError(502)];
    let calls = 0;
    const out = await withRetry(async () => {
      calls++;
      const e = errors.shift();
      if (e) throw e;
      return "ok";
    }, policy(clock));
    expect(out).toBe("ok");
    expect(calls).toBe(4);
    expect(clock.slept).toEqual([375, 750, 1500]);
  });

  it("gives up after maxAttempts and at once on a non-retryable status", async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw httpError(504);
      }, policy(clock)),
    ).rejects.toThrow("HTTP 504");
    expect(calls).toBe(DEFAULT_RETRY.maxAttempts);
    calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw httpError(400);
      }, policy(clock)),
    ).rejects.toThrow("HTTP 400");
    expect(calls).toBe(1);
  });

  it("honours Retry-After, and hands a long one back to the caller instead of waiting", async () => {
    expect(retryAfterMsOf(httpError(429, { "retry-after": "3" }))).toBe(3000);
    expect(backoffMs(1, { ...DEFAULT_RETRY, random: () => 0 }, 3000)).toBe(3000);
    const clock = fakeClock();
    await expect(
      withRetry(async () => {
        throw httpError(429, { "retry-after": "120" });
      }, policy(clock)),
    ).rejects.toThrow("HTTP 429");
    expect(clock.slept).toEqual([]);
  });

  it("spreads retries with jitter", () => {
    const low = backoffMs(3, { ...DEFAULT_RETRY, random: () => 0 });
    const high = backoffMs(3, { ...DEFAULT_RETRY, random: () => 0.999 });
    expect(low).toBe(1000);
    expect(high).toBeGreaterThan(1990);
  });
});

describe("SqliteConversationRefs (migration 6)", () => {
  it("stores, replaces, lists and forgets references, per conversation and per team", async () => {
    const db = openDatabase(":memory:");
    const refs = new SqliteConversationRefs(db);
    const base = { platform: "teams", teamId: "19:team@thread.tacv2", conversationType: "channel" };
    expect(await refs.save({ ...base, key: "teams:19:a@thread.tacv2", reference: { serviceUrl: "https://s1/" } })).toBe(
      "created",
    );
    expect(await refs.save({ ...base, key: "teams:19:a@thread.tacv2", reference: { serviceUrl: "https://s2/" } })).toBe(
      "updated",
    );
    await refs.save({ ...base, key: "teams:19:b@thread.tacv2", reference: {} });
    await refs.save({ key: "teams:a:personal", platform: "teams", reference: {}, conversationType: "personal" });
    expect((await refs.get("teams:19:a@thread.tacv2"))?.reference).toEqual({ serviceUrl: "https://s2/" });
    expect((await refs.list("teams")).map((r) => r.key)).toHaveLength(3);
    expect(await refs.removeTeam("teams", "19:team@thread.tacv2")).toBe(2);
    expect(await refs.remove("teams:a:personal")).toBe(true);
    expect(await refs.list()).toEqual([]);
    const version = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number };
    expect(version.v).toBeGreaterThanOrEqual(6);
  });
});

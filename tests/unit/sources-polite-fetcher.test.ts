import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { Clock } from "../../src/core/ports/clock.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { createSources } from "../../src/infra/sources/build-sources.js";
import { HostBackoff, isBackoffStatus } from "../../src/infra/sources/host-backoff.js";
import { FetchError, HttpFetcher } from "../../src/infra/sources/http-fetcher.js";
import { PoliteFetcher } from "../../src/infra/sources/polite-fetcher.js";
import { HostRateLimiter } from "../../src/infra/sources/rate-limiter.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { SqliteSourceState } from "../../src/infra/store/sqlite-source-state.js";
import { FixtureWebServer, PATHS } from "../fakes/fixture-web-server.js";

/** Time that moves only when the code under test sleeps. */
function fakeTime(start = Date.parse("2026-07-07T08:00:00Z")) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => new Date(now) };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  return { clock, sleep, sleeps, advance: (ms: number) => (now += ms), elapsed: () => now - start };
}

let server: FixtureWebServer;
beforeAll(async () => {
  server = await FixtureWebServer.start();
});
afterAll(() => server.close());

describe("HostRateLimiter", () => {
  it("spaces requests to one host by the interval, without spacing other hosts", async () => {
    const time = fakeTime();
    const limiter = new HostRateLimiter(1000, time);
    const released: string[] = [];
    for (const host of ["a", "a", "b", "a"]) {
      await limiter.wait(host);
      released.push(`${host}@${time.elapsed()}`);
    }
    expect(released).toEqual(["a@0", "a@1000", "b@1000", "a@2000"]);
    time.advance(5000);
    await limiter.wait("a");
    expect(time.sleeps).toEqual([1000, 1000]);
  });

  it("queues concurrent callers one interval apart instead of letting them burst", async () => {
    const time = fakeTime();
    const asked: number[] = [];
    // A sleep that does not move the clock: all three ask at the same instant.
    const limiter = new HostRateLimiter(1000, { clock: time.clock, sleep: async (ms) => void asked.push(ms) });
    await Promise.all([limiter.wait("a"), limiter.wait("a"), limiter.wait("a")]);
    expect(asked).toEqual([1000, 2000]);
  });
});

describe("HostBackoff", () => {
  const setup = () => {
    const time = fakeTime();
    const state = new SqliteSourceState(openDatabase(":memory:"), () => time.clock.now());
    return { time, state, backoff: new HostBackoff(state, undefined, time.clock) };
  };
  const minutes = (from: number, until: Date | undefined) => ((until?.getTime() ?? from) - from) / 60_000;

  it("doubles a refused page's wait, 1, 2, 4 minutes, and one success clears it", async () => {
    const { time, backoff } = setup();
    const t0 = time.clock.now().getTime();
    expect(minutes(t0, (await backoff.failure("h", "u1", 403)).until)).toBe(1);
    expect(await backoff.blockedUntil("h", "u1")).toBeDefined();
    expect(await backoff.blockedUntil("h", "u2")).toBeUndefined();
    await backoff.success("h", "u2");
    expect(minutes(t0, (await backoff.failure("h", "u1", 403)).until)).toBe(2);
    await backoff.success("h", "u3");
    expect(minutes(t0, (await backoff.failure("h", "u1", 500)).until)).toBe(4);
    await backoff.success("h", "u1");
    expect(await backoff.blockedUntil("h", "u1")).toBeUndefined();
  });

  it("blocks the whole host after three refusals in a row, or at once on 429 with its Retry-After", async () => {
    const { time, backoff } = setup();
    const t0 = time.clock.now().getTime();
    expect((await backoff.failure("h", "u1", 403)).host).toBe(false);
    expect((await backoff.failure("h", "u2", 403)).host).toBe(false);
    const third = await backoff.failure("h", "u3", 403);
    expect(third.host).toBe(true);
    expect(minutes(t0, await backoff.blockedUntil("h", "any-other-page"))).toBe(1);
    const throttled = await backoff.failure("g", "v", 429, "600");
    expect(throttled.host).toBe(true);
    expect(minutes(t0, await backoff.blockedUntil("g", "w"))).toBe(10);
    time.advance(11 * 60_000);
    expect(await backoff.blockedUntil("g", "w")).toBeUndefined();
  });

  it("never waits longer than the cap, and only 403, 429 and 5xx count", async () => {
    const { time, state } = setup();
    const backoff = new HostBackoff(state, { baseMs: 60_000, maxMs: 5 * 60_000, hostStrikes: 99 }, time.clock);
    const t0 = time.clock.now().getTime();
    for (let i = 0; i < 10; i++) await backoff.failure("h", "u", 503);
    expect(minutes(t0, await backoff.blockedUntil("h", "u"))).toBe(5);
    expect([403, 429, 500, 503, 599].every(isBackoffStatus)).toBe(true);
    expect([200, 304, 404, 410, undefined].some(isBackoffStatus)).toBe(false);
  });
});

describe("PoliteFetcher against the fixture site", () => {
  const setup = (maxBytes?: number) => {
    const time = fakeTime();
    const state = new SqliteSourceState(openDatabase(":memory:"), () => time.clock.now());
    const fetcher = new PoliteFetcher({
      http: new HttpFetcher({ allowedHosts: [new URL(server.url).host], ...(maxBytes ? { maxBytes } : {}) }),
      state,
      limiter: new HostRateLimiter(1000, time),
      backoff: new HostBackoff(state, undefined, time.clock),
    });
    return { time, fetcher };
  };

  it("after an over-size page, the back-off says the page was too large, not that it was refused (issue 15)", async () => {
    const { fetcher } = setup(1024);
    server.set("/huge.html", { status: 200, headers: { "content-type": "text/html" }, body: "x".repeat(5000) });
    await expect(fetcher.page(`${server.url}/huge.html`, false)).rejects.toMatchObject({ code: "too-large" });
    const again = fetcher.page(`${server.url}/huge.html`, false);
    await expect(again).rejects.toMatchObject({ code: "backing-off" });
    await expect(again).rejects.toThrow(/over the size limit/);
    await expect(again).rejects.not.toThrow(/403\/429\/5xx/);
  });

  it("asks for a listing with its validators and answers a 304 with the stored copy", async () => {
    const { fetcher } = setup();
    const url = `${server.url}${PATHS.listing}?languages=en`;
    const first = await fetcher.document(url, "json");
    expect(first.notModified).toBe(false);
    const before = server.requests.length;
    const second = await fetcher.document(url, "json");
    expect(second).toEqual({ url, body: first.body, notModified: true });
    const [request] = server.requests.slice(before);
    expect(request?.headers["if-none-match"]).toMatch(/^"[0-9a-f]{16}"$/);
    expect(request?.headers["if-modified-since"]).toBe("Tue, 07 Jul 2026 08:00:00 GMT");
    expect(request?.headers["user-agent"]).toMatch(/^nato-brief\/\S+ \(\+https:\/\//);
    expect(request?.status).toBe(304);
  });

  it("sends page validators only when asked", async () => {
    const { fetcher } = setup();
    const url = `${server.url}${PATHS.a}`;
    await fetcher.page(url, false);
    const before = server.requests.length;
    expect("notModified" in (await fetcher.page(url, false))).toBe(false);
    expect(await fetcher.page(url, true)).toEqual({ notModified: true, url, status: 304 });
    const [plain, conditional] = server.requests.slice(before);
    expect(plain?.headers["if-none-match"]).toBeUndefined();
    expect(conditional?.headers["if-none-match"]).toBeDefined();
  });

  it("stops asking a page that answered 403 until its back-off runs out", async () => {
    const { fetcher, time } = setup();
    const url = `${server.url}${PATHS.forbidden}`;
    await expect(fetcher.page(url, false)).rejects.toMatchObject({ code: "http", status: 403 });
    const before = server.requests.length;
    const error = await fetcher.page(url, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({
      code: "backing-off",
      message: expect.stringMatching(/backing off until 2026-07-07T08:0/),
    });
    expect(server.requests.length).toBe(before);
    time.advance(61_000);
    await expect(fetcher.page(url, false)).rejects.toMatchObject({ status: 403 });
    expect(server.requests.length).toBe(before + 1);
  });

  it("honours Retry-After on a 503 listing", async () => {
    const { fetcher, time } = setup();
    server.set("/busy.json", { status: 503, headers: { "retry-after": "3600" }, body: "busy" });
    await expect(fetcher.document(`${server.url}/busy.json`, "json")).rejects.toMatchObject({ status: 503 });
    time.advance(30 * 60_000);
    await expect(fetcher.document(`${server.url}/busy.json`, "json")).rejects.toMatchObject({ code: "backing-off" });
  });

  it("keeps one request per second per host through a whole poll (injected clock, no real waiting)", async () => {
    const time = fakeTime();
    const config = loadConfig(
      { NATO_BASE_URL: server.url, ALLOWED_SOURCE_HOSTS: new URL(server.url).host, SOURCES_MAX_BYTES: "100000" },
      { dotenvPath: false },
    ).sources;
    expect(config.minIntervalMs).toBe(1000);
    const db = openDatabase(":memory:");
    const { poller } = createSources(config, {
      state: new SqliteSourceState(db, () => time.clock.now()),
      store: new SqliteReleaseStore(db),
      logger: silentLogger,
      clock: time.clock,
      sleep: time.sleep,
    });
    const before = server.requests.length;
    const report = await poller.poll();
    const sent = server.requests.length - before;
    expect(report.counts.new).toBe(5);
    expect(sent).toBeGreaterThan(10);
    // Every request after the first waited for its slot: exactly one interval apart in fake time.
    expect(time.sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
    // All the waiting went through the injected sleep (a real one would leave fake time behind).
    expect(time.elapsed()).toBe((sent - 1) * 1000);
  });
});

import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const load = (env: Record<string, string>) => loadConfig({ ...env }, { dotenvPath: false });

describe("digest configuration", () => {
  it("defaults to Brussels, no empty digests, a 6-hour catch-up window, 2-minute leases resumed every 30 s", () => {
    expect(load({}).digest).toEqual({
      timezone: "Europe/Brussels",
      postWhenEmpty: false,
      catchUpHours: 6,
      leaseMs: 120_000,
      resumeIntervalMs: 30_000,
    });
    expect(load({ DIGEST_LEASE_MS: "600", DIGEST_RESUME_INTERVAL_MS: "200" }).digest).toMatchObject({
      leaseMs: 600,
      resumeIntervalMs: 200,
    });
    expect(() => load({ DIGEST_LEASE_MS: "10" })).toThrow(/DIGEST_LEASE_MS/);
    expect(load({ DIGEST_POST_WHEN_EMPTY: "true", DIGEST_CATCHUP_HOURS: "0" }).digest).toMatchObject({
      postWhenEmpty: true,
      catchUpHours: 0,
    });
  });
  it("names the variable when a value is wrong", () => {
    expect(() => load({ DIGEST_CATCHUP_HOURS: "six" })).toThrow(/DIGEST_CATCHUP_HOURS .*not shown/);
    expect(() => load({ DIGEST_POST_WHEN_EMPTY: "maybe" })).toThrow(/DIGEST_POST_WHEN_EMPTY/);
  });
});

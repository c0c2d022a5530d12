import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const load = (env: Record<string, string>) => loadConfig({ ...env }, { dotenvPath: false });

describe("loadConfig", () => {
  it("runs on embedded defaults with no keys", () => {
    const c = load({});
    expect(c).toMatchObject({
      port: 3000,
      databasePath: "./data/nato-brief.db",
      digest: { timezone: "Europe/Brussels" },
    });
    expect(c.llm).toBeUndefined();
    expect(c.slack).toBeUndefined();
    expect(c.teams).toBeUndefined();
    expect(Object.isFrozen(c.sources)).toBe(true);
  });
  it("enables the LLM with a base URL alone (local servers need no key)", () => {
    expect(load({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }).llm?.baseURL).toBe("http://127.0.0.1:11434/v1");
  });
  it("names the bad variable and the value", () => {
    expect(() => load({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => load({ PORT: "eighty" })).toThrow(/PORT.*"eighty"/);
    expect(() => load({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL/);
    expect(() => load({ DIGEST_TIMEZONE: "Mars/Olympus" })).toThrow(/DIGEST_TIMEZONE.*IANA/);
  });
  it("refuses Teams without authentication in production", () => {
    expect(() => load({ TEAMS_ENABLED: "true", NODE_ENV: "production" })).toThrow(/TEAMS_ENABLED/);
    expect(load({ TEAMS_ENABLED: "true" }).teams?.authDisabled).toBe(true);
  });
  it("reads allowed source hosts as a list", () => {
    expect(load({ ALLOWED_SOURCE_HOSTS: "www.nato.int, 127.0.0.1:8080" }).sources.allowedHosts).toEqual([
      "www.nato.int",
      "127.0.0.1:8080",
    ]);
  });
});

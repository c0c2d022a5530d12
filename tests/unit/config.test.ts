import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const load = (env: Record<string, string>) => loadConfig({ ...env }, { dotenvPath: false });

describe("loadConfig", () => {
  it("runs on embedded defaults with no keys", () => {
    const c = load({});
    expect(c).toMatchObject({
      port: 3000,
      database: { kind: "sqlite", path: "./data/nato-brief.db" },
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
  it("names the bad variable, and never repeats its value (a URL can hold a key; issue 15, finding 7)", () => {
    expect(() => load({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => load({ PORT: "eighty" })).toThrow(
      /PORT must be a whole number \(got a value of 6 characters, not shown\)/,
    );
    const secret = "https://user:sk-live-123@llm.example/v1?key=sk-live-123";
    const envs: Record<string, string>[] = [
      { PORT: secret },
      { SLACK_API_URL: "sk-live-123" },
      { DATABASE_URL: secret },
    ];
    for (const env of envs) {
      expect(() => load(env)).toThrow(ConfigError);
      expect(() => load(env)).not.toThrow(/sk-live-123/);
    }
    expect(() => load({ DIGEST_TIMEZONE: "Mars/sk-live-123" })).not.toThrow(/sk-live-123/);
    expect(() => load({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => load({ DIGEST_TIMEZONE: "Mars/Olympus" })).toThrow(/DIGEST_TIMEZONE.*IANA/);
  });
  it("reads the response_url and Teams service URL origins; Teams' must be loopback", () => {
    expect(load({ SLACK_BOT_TOKEN: "x", SLACK_SIGNING_SECRET: "s" }).slack?.responseUrlOrigins).toEqual([
      "https://hooks.slack.com",
    ]);
    expect(
      load({ TEAMS_ENABLED: "true", TEAMS_DEV_SERVICE_URLS: "http://127.0.0.1:3978/" }).teams?.devServiceUrls,
    ).toEqual(["http://127.0.0.1:3978"]);
    expect(() => load({ TEAMS_DEV_SERVICE_URLS: "https://smba.trafficmanager.net" })).toThrow(/loopback/);
    expect(() => load({ SLACK_RESPONSE_URL_ORIGINS: "https://hooks.slack.com/commands" })).toThrow(/origins/);
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
  it("turns on distributed Slack with SLACK_CLIENT_ID and says what else it needs", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const oauth = {
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "secret",
      SLACK_SIGNING_SECRET: "signing",
      SLACK_STATE_SECRET: "a-state-secret-of-some-length",
      TOKEN_ENCRYPTION_KEY: key,
    };
    const c = load(oauth);
    expect(c.slack?.oauth).toMatchObject({ clientId: "1111.2222", stateSecret: "a-state-secret-of-some-length" });
    expect(c.slack?.botToken).toBeUndefined();
    expect(c.tokenKeys).toEqual({ current: key, previous: [] });
    expect(c.sources.poll).toBe(true);
    for (const variable of [
      "SLACK_CLIENT_SECRET",
      "SLACK_SIGNING_SECRET",
      "SLACK_STATE_SECRET",
      "TOKEN_ENCRYPTION_KEY",
    ]) {
      expect(() => load({ ...oauth, [variable]: "" })).toThrow(
        new RegExp(`${variable} is required with SLACK_CLIENT_ID`),
      );
    }
    expect(() => load({ ...oauth, SLACK_APP_TOKEN: "xapp-1" })).toThrow(/SLACK_APP_TOKEN cannot be used/);
    expect(() => load({ ...oauth, TOKEN_ENCRYPTION_KEY: "hunter2" })).toThrow(/TOKEN_ENCRYPTION_KEY.*openssl rand/);
    expect(() => load({ ...oauth, TOKEN_ENCRYPTION_OLD_KEYS: `${key},nope` })).toThrow(/TOKEN_ENCRYPTION_OLD_KEYS/);
    expect(() => load({ ...oauth, SLACK_STATE_SECRET: "short" })).toThrow(/SLACK_STATE_SECRET.*16/);
    expect(() => load({ ...oauth, SLACK_REDIRECT_URI: "https://bot.example/callback" })).toThrow(/oauth_redirect/);
    expect(load({ ...oauth, TOKEN_ENCRYPTION_OLD_KEYS: ` ${key} ` }).tokenKeys?.previous).toEqual([key]);
  });
});

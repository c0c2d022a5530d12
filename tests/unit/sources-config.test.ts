import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const load = (env: Record<string, string> = {}) => loadConfig(env, { dotenvPath: false }).sources;

describe("sources configuration", () => {
  it("defaults to nato.int's endpoints and selectors, every 20 minutes, 1 request per second", () => {
    const sources = load();
    expect(sources).toMatchObject({
      natoBaseUrl: "https://www.nato.int",
      poll: false,
      pollCron: "*/20 * * * *",
      minIntervalMs: 1000,
      timeoutMs: 15_000,
      maxBytes: 5 * 1024 * 1024,
      maxItems: 50,
      feeds: [],
      pages: [],
      nato: {
        enabled: true,
        sitemapPath: "/sitemap.xml",
        legacyRssPath: "/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml",
        selectors: { body: "div.ca04-rich-text div.cmp-text__background-container", title: "h1", date: "time" },
      },
    });
    expect(sources.nato.listingPath).toMatch(/general_search\.search\.json\?.*pageSize=50&page=1&languages=en$/);
  });

  it("polls by default only when Slack or Teams is configured; SOURCES_POLL says otherwise", () => {
    expect(load({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).poll).toBe(true);
    expect(load({ TEAMS_ENABLED: "true" }).poll).toBe(true);
    expect(load({ TEAMS_ENABLED: "true", SOURCES_POLL: "false" }).poll).toBe(false);
    expect(load({ SOURCES_POLL: "true" }).poll).toBe(true);
  });

  it("reads lists, selectors and an empty legacy RSS path (off)", () => {
    const sources = load({
      SOURCES_FEEDS: " https://www.nato.int/a.xml , https://www.nato.int/b.xml",
      SOURCES_PAGES: "https://www.nato.int/en/x",
      NATO_LEGACY_RSS_PATH: "",
      NATO_BODY_SELECTOR: "main article",
      NATO_SITE_ENABLED: "false",
    });
    expect(sources.feeds).toEqual(["https://www.nato.int/a.xml", "https://www.nato.int/b.xml"]);
    expect(sources.pages).toEqual(["https://www.nato.int/en/x"]);
    expect(sources.nato).toMatchObject({ enabled: false, legacyRssPath: "", selectors: { body: "main article" } });
  });

  it.each([
    ["SOURCES_POLL_CRON", "every 20 minutes", /SOURCES_POLL_CRON must be a cron expression like \*\/20 \* \* \* \*/],
    ["SOURCES_FEEDS", "ftp://nato.int/feed", /SOURCES_FEEDS must be comma-separated absolute http\(s\) URLs/],
    ["SOURCES_MIN_INTERVAL_MS", "soon", /SOURCES_MIN_INTERVAL_MS must be a whole number/],
    ["NATO_BODY_SELECTOR", " ", /NATO_BODY_SELECTOR must be a CSS selector/],
    ["SOURCES_POLL", "sometimes", /SOURCES_POLL/],
  ])("refuses a bad %s", (variable, value, message) => {
    expect(() => load({ [variable]: value })).toThrow(message);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import { counterpartCandidates, languageOfUrl, swapLanguage } from "../../src/core/sources/counterpart-url.js";
import { natoLayouts } from "../../src/infra/sources/build-sources.js";
import { layoutFor, readPage } from "../../src/infra/sources/page-reader.js";

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/sources", name), "utf8");
const layouts = natoLayouts(loadConfig({}, { dotenvPath: false }).sources);
const BASE = "https://www.nato.int";

function recordingLogger(): Logger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, fields });
  const logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => logger,
    lines,
  };
  return logger;
}

describe("readPage", () => {
  it("reads the current layout with its selectors and collects hreflang alternates", () => {
    const logger = recordingLogger();
    const url = `${BASE}/en/news-and-events/articles/news/2026/07/06/secretary-general-welcomes-new-commitments-to-ukraine`;
    const page = readPage(fixture("current-b.en.html"), url, layouts, logger);
    expect(page).toMatchObject({
      url,
      title: "Secretary General welcomes new commitments to Ukraine",
      published: "2026-07-06",
      langHint: "en",
      usedSelectors: true,
      alternates: {
        fr: `${BASE}/fr/news-and-events/articles/news/2026/07/06/le-secretaire-general-salue-de-nouveaux-engagements-envers-l-ukraine`,
      },
    });
    expect(page.paragraphs).toHaveLength(3);
    expect(page.paragraphs.join(" ")).not.toMatch(/About us|NATO\/OTAN|dataLayer/);
    expect(logger.lines).toEqual([]);
  });

  it("reads the legacy layout by its own selectors, date line left out", () => {
    const url = `${BASE}/cps/fr/natohq/news_234567.htm?selectedLocale=fr`;
    const page = readPage(fixture("legacy.fr.html"), url, layouts, recordingLogger());
    expect(layoutFor(url, layouts).name).toBe("nato-legacy");
    expect(page).toMatchObject({
      title: "La secrétaire générale déléguée de l'OTAN se rend en Lituanie",
      usedSelectors: true,
    });
    expect(page.paragraphs[0]).toMatch(/^Le vendredi 19 septembre 2025/);
    expect(page.paragraphs).toHaveLength(3);
  });

  it("falls back to generic extraction when the selectors find nothing, and logs it", () => {
    const logger = recordingLogger();
    const url = `${BASE}/en/news-and-events/articles/news/2026/07/04/allied-navies-complete-exercise-in-the-baltic-sea`;
    const page = readPage(fixture("no-selectors.en.html"), url, layouts, logger);
    expect(page.usedSelectors).toBe(false);
    expect(page.title).toBe("Allied navies complete exercise in the Baltic Sea");
    expect(page.paragraphs[0]).toMatch(/^Ships from nine Allied navies/);
    expect(logger.lines).toEqual([
      {
        level: "warn",
        msg: "page selectors found no release text; used generic article extraction",
        fields: { url, layout: "nato-current", bodySelector: "div.ca04-rich-text div.cmp-text__background-container" },
      },
    ]);
  });

  it("throws a clear error for a page with no text at all", () => {
    expect(() =>
      readPage("<html><body><nav>Menu</nav></body></html>", `${BASE}/en/x`, layouts, recordingLogger()),
    ).toThrow(/No release text found in the page at https:\/\/www\.nato\.int\/en\/x/);
  });
});

describe("counterpart URLs", () => {
  it("swaps the language segment of current pages and drops the listing's selectedLocale=null", () => {
    expect(swapLanguage(`${BASE}/en/news-and-events/articles/news/2026/07/07/x`, "en")).toBe(
      `${BASE}/fr/news-and-events/articles/news/2026/07/07/x`,
    );
    expect(swapLanguage(`${BASE}/fr/news-and-events/a?selectedLocale=null`, "fr")).toBe(`${BASE}/en/news-and-events/a`);
  });

  it("sets selectedLocale on legacy pages (one id for both languages)", () => {
    expect(swapLanguage(`${BASE}/cps/en/natohq/news_234567.htm?selectedLocale=en`, "en")).toBe(
      `${BASE}/cps/fr/natohq/news_234567.htm?selectedLocale=fr`,
    );
    expect(swapLanguage(`${BASE}/cps/fr/natohq/news_234567.htm`, "fr")).toBe(
      `${BASE}/cps/en/natohq/news_234567.htm?selectedLocale=en`,
    );
  });

  it("puts the page's hreflang link first, and offers nothing for a URL without a language", () => {
    const url = `${BASE}/en/news/2026/a-slug`;
    expect(counterpartCandidates(url, "en", { fr: "/fr/news/2026/un-autre-slug" })).toEqual([
      `${BASE}/fr/news/2026/un-autre-slug`,
      `${BASE}/fr/news/2026/a-slug`,
    ]);
    expect(counterpartCandidates(`${BASE}/news/2026/a`, "en")).toEqual([]);
    expect(counterpartCandidates(url, "en", { fr: "javascript:alert(1)" })).toEqual([`${BASE}/fr/news/2026/a-slug`]);
  });

  it("names the language of a URL's path", () => {
    expect(languageOfUrl(`${BASE}/fr/news`)).toBe("fr");
    expect(languageOfUrl(`${BASE}/cps/en/natohq/news_1.htm`)).toBe("en");
    expect(languageOfUrl(`${BASE}/french/news`)).toBeUndefined();
  });
});

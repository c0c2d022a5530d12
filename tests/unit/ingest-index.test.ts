import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { draftFromHtml, draftFromText, IngestError } from "../../src/core/ingest/index.js";

const sample = readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8");
const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8");

describe("ingest entry points", () => {
  it("draftFromText turns the real sample into a French draft", () => {
    const draft = draftFromText(sample, {
      url: "https://www.nato.int/cps/fr/natohq/news_222735.htm?selectedLocale=fr",
    });
    expect(draft.sourceLanguage).toBe("fr");
    expect(draft.published).toBe("2024-02-13");
    expect(draft.canonicalUrl).toBe("https://www.nato.int/cps/fr/natohq/news_222735.htm");
    expect(draft.texts.fr?.title).toMatch(/^Les Alliés évoquent/);
    expect(draft.texts.fr?.paragraphs).toHaveLength(3);
  });

  it("gives the same hash to the same text with other whitespace and line endings", () => {
    const messy = sample.replace(/\n/gu, "\r\n\r\n").replace(/ /gu, "  ");
    expect(draftFromText(messy).contentHash).toBe(draftFromText(sample).contentHash);
  });

  it("draftFromHtml reads both language versions of the current layout", () => {
    const en = draftFromHtml(page("nato-current-en.html"), "https://www.nato.int/en/news/1?utm_source=x");
    const fr = draftFromHtml(page("nato-current-fr.html"), "https://www.nato.int/fr/news/1");
    expect(en.sourceLanguage).toBe("en");
    expect(en.canonicalUrl).toBe("https://www.nato.int/en/news/1");
    expect(en.published).toBe("2024-02-13");
    expect(fr.sourceLanguage).toBe("fr");
    expect(fr.texts.fr?.url).toBe("https://www.nato.int/fr/news/1");
  });

  it("draftFromHtml reads a legacy page and refuses a page without content", () => {
    expect(draftFromHtml(page("nato-legacy-en.html"), "https://www.nato.int/cps/en/natohq/news_1.htm").published).toBe(
      "2025-09-19",
    );
    expect(() => draftFromHtml(page("scripts-only.html"), "https://www.nato.int/x")).toThrow(IngestError);
  });

  it("draftFromText refuses empty and too-short text with their codes", () => {
    const codeOf = (raw: string) => {
      try {
        draftFromText(raw);
      } catch (error) {
        return error instanceof IngestError ? error.code : "other";
      }
      return "none";
    };
    expect(codeOf("")).toBe("empty");
    expect(codeOf("A title\nA short body.")).toBe("too-short");
  });

  it("keeps the ingest core free of I/O and platform SDKs", () => {
    const dir = new URL("../../src/core/ingest/", import.meta.url);
    const forbidden =
      /from\s+["'](?:node:http|node:https|node:net|node:fs|openai|@slack\/[^"']*|botbuilder[^"']*)["']/u;
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
      expect(readFileSync(new URL(file, dir), "utf8"), file).not.toMatch(forbidden);
    }
  });
});

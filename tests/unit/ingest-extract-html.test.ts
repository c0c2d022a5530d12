import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/ingest/extract-html.js";
import { IngestError } from "../../src/core/ingest/ingest-error.js";

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8");

describe("extractArticle", () => {
  it("reads the current nato.int layout with its selectors (EN)", () => {
    const article = extractArticle(page("nato-current-en.html"), "https://www.nato.int/en/news/1");
    expect(article.usedSelectors).toBe(true);
    expect(article.lang).toBe("en");
    expect(article.published).toBe("2024-02-13");
    expect(article.title).toBe(
      "Allies discuss need to strengthen defence industrial capacity with European Commissioner Thierry Breton",
    );
    // p and li in order, across both rich-text blocks, empty <p> and the inline <script> gone.
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs.slice(2, 5)).toEqual([
      "accelerate joint procurement;",
      "boost industrial capacity;",
      "increase interoperability.",
    ]);
    expect(article.paragraphs[5]).toMatch(/^“Two years into Russia’s war .* said Mr Geoană\.$/);
    expect(article.paragraphs.at(-1)).toMatch(/^In January 2023, NATO and the European Union/);
    const all = article.paragraphs.join("\n");
    for (const chrome of ["About us", "Home", "Related news", "© NATO", "trackQuote", "dataLayer"]) {
      expect(all).not.toContain(chrome);
    }
  });

  it("reads the current nato.int layout (FR), its meta date and its no-break spaces", () => {
    const article = extractArticle(page("nato-current-fr.html"));
    expect(article.usedSelectors).toBe(true);
    expect(article.lang).toBe("fr");
    expect(article.published).toBe("2024-02-13");
    expect(article.title).toMatch(/^Les Alliés évoquent avec le commissaire européen Thierry Breton/);
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[1]).toContain("«\u00A0Deux ans");
    expect(article.paragraphs[1]).toContain("industries de défense\u00A0»");
  });

  it("falls back to Readability on a legacy page, keeping the h1 title and dropping the dateline", () => {
    const article = extractArticle(page("nato-legacy-en.html"), "https://www.nato.int/cps/en/natohq/news_1.htm");
    expect(article.usedSelectors).toBe(false);
    expect(article.title).toBe("NATO Deputy Secretary General visits Lithuania");
    expect(article.published).toBe("2025-09-19");
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^On Friday \(19 September 2025\), the NATO Deputy Secretary General/);
    const all = article.paragraphs.join("\n");
    for (const chrome of ["Latest news", "Enhanced Forward Presence", "Contact us", "pageTracker", "19 Sep. 2025 -"]) {
      expect(all).not.toContain(chrome);
    }
  });

  it("finds the date in the text when no <time> or meta gives it", () => {
    const html = page("nato-legacy-en.html").replace(/<meta name="date"[^>]*>/u, "");
    expect(extractArticle(html).published).toBe("2025-09-19");
    const undated = html.replace(/19 Sep\. 2025 -|\(19 September 2025\)/gu, "");
    expect(extractArticle(undated).published).toBeUndefined();
  });

  it("uses configured selectors for another layout", () => {
    const html = `<html lang="fr"><body><h2 class="t">Titre</h2><span class="d">1er mars 2025</span>
      <article class="x"><p>Un.</p><p>Deux.</p></article></body></html>`;
    const article = extractArticle(html, undefined, {
      selectors: { body: "article.x", title: "h2.t", date: "span.d" },
    });
    expect(article).toEqual({
      title: "Titre",
      paragraphs: ["Un.", "Deux."],
      published: "2025-03-01",
      lang: "fr",
      usedSelectors: true,
    });
  });

  it("reads an HTML fragment without <html>", () => {
    const article = extractArticle(
      `<h1>Title</h1><div class="ca04-rich-text"><div class="cmp-text__background-container"><p>Body<br>text</p></div></div>`,
    );
    expect(article.title).toBe("Title");
    expect(article.paragraphs).toEqual(["Body text"]);
    expect(article.lang).toBeUndefined();
  });

  it("reports no-content for a page of scripts and menus, naming the URL", () => {
    let error: unknown;
    try {
      extractArticle(page("scripts-only.html"), "https://example.test/app");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("no-content");
    expect((error as IngestError).message).toContain("https://example.test/app");
    expect(() => extractArticle("")).toThrow(IngestError);
  });
});

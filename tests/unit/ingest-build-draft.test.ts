import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../../src/core/ingest/build-draft.js";
import { IngestError, type IngestErrorCode } from "../../src/core/ingest/ingest-error.js";
import { parseReleaseText } from "../../src/core/ingest/parse-text.js";

const sample = readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8");
const EN_BODY = [
  "NATO Secretary General Jens Stoltenberg met with the European Commissioner for the Internal Market, Thierry Breton, at NATO Headquarters in Brussels on Tuesday (13 February 2024).",
  "Mr Stoltenberg stressed the importance of NATO-EU cooperation to address shared priorities, including ramping up defence production and ensuring long-term support for Ukraine.",
];

function failure(run: () => unknown): { code: IngestErrorCode; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe("buildDraft", () => {
  it("builds a French draft from the real sample", () => {
    const parsed = parseReleaseText(sample);
    const draft = buildDraft({
      ...parsed,
      url: "https://WWW.nato.int/cps/fr/natohq/news_222735.htm?selectedLocale=fr",
    });
    expect(draft.sourceLanguage).toBe("fr");
    expect(draft.published).toBe("2024-02-13");
    expect(draft.canonicalUrl).toBe("https://www.nato.int/cps/fr/natohq/news_222735.htm");
    expect(draft.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(draft.texts)).toEqual(["fr"]);
    expect(draft.texts.fr).toEqual({
      lang: "fr",
      title: parsed.title,
      paragraphs: parsed.paragraphs,
      url: "https://www.nato.int/cps/fr/natohq/news_222735.htm",
      official: true,
    });
  });

  it("builds an English draft, finding the date in the body when none is given", () => {
    const draft = buildDraft({ title: "Allies discuss defence production", paragraphs: EN_BODY });
    expect(draft.sourceLanguage).toBe("en");
    expect(draft.published).toBe("2024-02-13");
    expect(draft.canonicalUrl).toBeUndefined();
    expect(draft.texts.en?.url).toBeUndefined();
    expect("canonicalUrl" in draft).toBe(false);
  });

  it("trims paragraphs and drops empty ones", () => {
    const draft = buildDraft({ title: " T ", paragraphs: ["", `  ${EN_BODY[0]}  `, "   ", EN_BODY[1] ?? ""] });
    expect(draft.texts.en?.title).toBe("T");
    expect(draft.texts.en?.paragraphs).toEqual(EN_BODY);
  });

  it("refuses empty input", () => {
    expect(failure(() => buildDraft({ title: "  ", paragraphs: ["", " "] }))?.code).toBe("empty");
  });

  it("refuses a body under minChars, saying how long it was", () => {
    const result = failure(() => buildDraft({ title: "Only a title", paragraphs: ["Short body."] }));
    expect(result?.code).toBe("too-short");
    expect(result?.message).toContain("11 characters");
    expect(result?.message).toContain("at least 200");
    expect(buildDraft({ title: "T", paragraphs: EN_BODY }, { minChars: 10 }).sourceLanguage).toBe("en");
  });

  it("refuses text over maxChars with both sizes in the message", () => {
    const result = failure(() => buildDraft({ title: "T", paragraphs: EN_BODY }, { maxChars: 300 }));
    expect(result?.code).toBe("too-long");
    expect(result?.message).toMatch(/\d+ characters, the limit is 300/);
  });

  it("refuses a release in another language, naming it", () => {
    const german = [
      "NATO-Generalsekretär Jens Stoltenberg traf am Dienstag im NATO-Hauptquartier in Brüssel mit dem EU-Binnenmarktkommissar Thierry Breton zusammen.",
      "Stoltenberg betonte die Bedeutung der Zusammenarbeit zwischen NATO und EU, um gemeinsame Prioritäten anzugehen, darunter die Steigerung der Verteidigungsproduktion.",
    ];
    const result = failure(() =>
      buildDraft({ title: "Generalsekretär trifft Breton", paragraphs: german, langHint: "en" }),
    );
    expect(result?.code).toBe("unsupported-language");
    expect(result?.message).toContain("German (deu)");
  });

  it("uses the page's language hint only when the words cannot tell", () => {
    // Sentences (so the text gate lets them through) made of acronyms and figures around a few small words.
    const names = ["SHAPE et JFC, NSPA et NATO, KFOR et OTAN, SACEUR et SHAPE. ".repeat(2)];
    expect(buildDraft({ title: "NATO", paragraphs: names, langHint: "fr" }, { minChars: 10 }).sourceLanguage).toBe(
      "fr",
    );
    expect(failure(() => buildDraft({ title: "NATO", paragraphs: names }, { minChars: 10 }))?.code).toBe(
      "unsupported-language",
    );
  });

  it("derives a title from the body when none is given", () => {
    expect(buildDraft({ title: "", paragraphs: EN_BODY }).texts.en?.title).toBe(
      "NATO Secretary General Jens Stoltenberg met with the European Commissioner for the Internal Market, Thierry Breton, at…",
    );
  });

  it("refuses an invalid URL as bad input", () => {
    expect(failure(() => buildDraft({ title: "T", paragraphs: EN_BODY, url: "not a url" }))?.code).toBe("bad-input");
  });
});

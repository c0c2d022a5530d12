import { describe, expect, it } from "vitest";
import type { ReleaseText } from "../../src/core/domain/release.js";
import { contentHash } from "../../src/core/ingest/content-hash.js";

const fr: ReleaseText = { lang: "fr", title: "Le titre", paragraphs: ["Un paragraphe.", "Deux."], official: true };
const en: ReleaseText = { lang: "en", title: "The title", paragraphs: ["One paragraph.", "Two."], official: true };

describe("contentHash", () => {
  it("is a sha256 hex digest, stable across calls", () => {
    expect(contentHash({ fr })).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ fr })).toBe(contentHash({ fr: { ...fr } }));
  });

  it("ignores whitespace differences, empty paragraphs and Unicode composition", () => {
    const messy: ReleaseText = {
      ...fr,
      title: "  Le\u00A0 titre\n",
      paragraphs: ["Un   paragraphe.\t", "", "  Deux."],
    };
    expect(contentHash({ fr: messy })).toBe(contentHash({ fr }));
    const decomposed: ReleaseText = { ...fr, title: "Le re\u0301sume\u0301" };
    expect(contentHash({ fr: decomposed })).toBe(contentHash({ fr: { ...fr, title: "Le résumé" } }));
  });

  it("ignores URL, official flag and the order languages were added in", () => {
    expect(contentHash({ fr: { ...fr, url: "https://www.nato.int/fr" } })).toBe(contentHash({ fr }));
    expect(contentHash({ fr, en })).toBe(contentHash({ en, fr }));
  });

  it("changes with the words, the paragraph split and the languages present", () => {
    const base = contentHash({ fr });
    expect(contentHash({ fr: { ...fr, title: "Le titre!" } })).not.toBe(base);
    expect(contentHash({ fr: { ...fr, paragraphs: ["Un paragraphe. Deux."] } })).not.toBe(base);
    expect(contentHash({ fr, en })).not.toBe(base);
    expect(contentHash({ en: { ...fr, lang: "en" } })).not.toBe(base);
  });
});

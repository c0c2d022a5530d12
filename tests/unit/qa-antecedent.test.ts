import { describe, expect, it } from "vitest";
import { withAntecedent } from "../../src/core/qa/antecedent.js";
import { opensOnBefore } from "../../src/core/qa/continuation.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";

const body = (n: number, text: string, lang: "en" | "fr" = "en"): Passage => ({
  id: `r1:${lang}:body:${n}`,
  releaseId: "r1",
  lang,
  kind: "body",
  title: "Secretary General meets the Chairman of the Presidency of Bosnia and Herzegovina",
  text,
});
const match = (passage: Passage): PassageMatch => ({ passage, score: 3, coverage: 0.6, matched: 2, matchedName: true });

const sentences = [
  body(0, "The Secretary General met the Chairman of the Presidency of Bosnia and Herzegovina on Monday."),
  body(1, "During the meeting, the Secretary General also discussed NATO's role in Operation ALTHEA."),
  body(2, "He said that NATO will continue to support this important EU operation."),
];

describe("a sentence that opens on the one before", () => {
  it("is told by its opening word, in both languages, in the sentence or the original it translates", () => {
    expect(opensOnBefore(sentences[2]!)).toBe(true);
    expect(opensOnBefore(body(4, "« Ces avions resteront quatre mois », a-t-il dit.", "fr"))).toBe(true);
    expect(opensOnBefore(body(5, "C’est la onzième rotation de la France.", "fr"))).toBe(true);
    const translated: Passage = {
      ...body(6, "L'OTAN continuera à soutenir cette opération.", "fr"),
      kind: "translation",
      original: { lang: "en", text: "He said that NATO will continue to support this operation." },
    };
    expect(opensOnBefore(translated)).toBe(true);
    expect(opensOnBefore(sentences[1]!)).toBe(false);
    // A possessive further on is no opening anaphor.
    expect(opensOnBefore(body(7, "The general took up his post in July."))).toBe(false);
    // "Italy" opens with "it" but is another word.
    expect(opensOnBefore(body(8, "Italy sent two frigates."))).toBe(false);
  });

  it("is quoted after the sentence before it, from the same text of the release", () => {
    const picked = withAntecedent([match(sentences[2]!)], sentences);
    expect(picked.map((m) => m.passage.id)).toEqual(["r1:en:body:1", "r1:en:body:2"]);
    expect(picked[0]!.passage.text).toContain("Operation ALTHEA");
  });

  it("leaves the answer as it is when it opens on its own, or already quotes the sentence before", () => {
    const own = [match(sentences[1]!)];
    expect(withAntecedent(own, sentences)).toEqual(own);
    const both = [match(sentences[2]!), match(sentences[1]!)];
    expect(withAntecedent(both, sentences)).toEqual(both);
    // The first sentence has none before it; a brief's sentences are not in the release's order.
    const first = [match({ ...sentences[2]!, id: "r1:en:body:0" })];
    expect(withAntecedent(first, sentences)).toEqual(first);
    const brief = [match({ ...sentences[2]!, id: "r1:en:brief:2", kind: "brief" })];
    expect(withAntecedent(brief, sentences)).toEqual(brief);
    expect(withAntecedent([], sentences)).toEqual([]);
  });
});

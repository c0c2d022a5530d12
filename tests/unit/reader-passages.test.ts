import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import { asTranslated, candidates, unmatchedSentences } from "../../src/core/qa/reader-passages.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { oneLanguageRelease as release } from "../helpers/releases.js";

const body = (lang: Lang, n: number, text: string): Passage => ({
  id: `r:${lang}:body:${n}`,
  releaseId: "r",
  lang,
  kind: "body",
  title: "t",
  text,
});
const translation = (lang: Lang, n: number, text: string): Passage => ({
  ...body(lang, n, text),
  id: `r:${lang}:translation:${n}`,
  kind: "translation",
});
const match = (passage: Passage, score: number): PassageMatch => ({
  passage,
  score,
  coverage: 1,
  matched: 1,
  matchedName: false,
});

const frOnly: Release = release("r", "fr", "Les planeurs", "La Lettonie a acheté quatre planeurs.");
const both: Release = {
  ...frOnly,
  texts: {
    ...frOnly.texts,
    en: { lang: "en", title: "Gliders", paragraphs: ["Latvia bought gliders."], official: true },
  },
};
// A French release with its stored English translation, sentence by sentence.
const fr0 = body("fr", 0, "La Lettonie a acheté quatre planeurs.");
const fr1 = body("fr", 1, "Ils voleront en mai.");
const en0 = translation("en", 0, "Latvia bought four gliders.");
const en1 = translation("en", 1, "They will fly in May.");

describe("candidates", () => {
  it("shows a release NATO wrote in the reader's language in that language only, English or French", () => {
    expect(candidates(both, [fr0, body("en", 0, "Latvia bought gliders.")], "en").map((p) => p.lang)).toEqual(["en"]);
    expect(candidates(both, [fr0, body("en", 0, "Latvia bought gliders.")], "fr").map((p) => p.lang)).toEqual(["fr"]);
  });

  it("offers everything of a release without the reader's language: its text and its stored translation", () => {
    expect(candidates(frOnly, [fr0, en0], "en")).toEqual([fr0, en0]);
  });
});

describe("asTranslated", () => {
  it("shows an English reader's French sentence as its stored translation, once, at the better rank", () => {
    const out = asTranslated([match(fr0, 3), match(en0, 2), match(fr1, 1)], [fr0, fr1, en0, en1], "en");
    expect(out.map((m) => [m.passage.id, m.score])).toEqual([
      [en0.id, 3],
      [en1.id, 1],
    ]);
  });

  it("keeps a French reader's French sentences as they are", () => {
    const ranked = [match(fr0, 3), match(fr1, 1)];
    expect(asTranslated(ranked, [fr0, fr1, en0, en1], "fr")).toEqual(ranked);
  });
});

describe("unmatchedSentences", () => {
  it("gives an English reader the translated sentences the ranking did not reach, not their originals", () => {
    expect(unmatchedSentences(frOnly, [fr0, fr1, en0, en1], [match(en0, 1)], "en")).toEqual([en1]);
  });

  it("gives a French reader the French sentences the ranking did not reach", () => {
    expect(unmatchedSentences(frOnly, [fr0, fr1], [match(fr0, 1)], "fr")).toEqual([fr1]);
  });
});

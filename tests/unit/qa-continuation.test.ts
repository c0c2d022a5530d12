import { describe, expect, it } from "vitest";
import { continuesBefore } from "../../src/core/qa/continuation.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { pickForExtract, pickForModel } from "../../src/core/qa/selection.js";

const passage = (n: number, text: string, lang: "en" | "fr" = "en", original?: Passage["original"]): Passage => ({
  id: `r1:${lang}:${original ? "translation" : "body"}:${n}`,
  releaseId: "r1",
  lang,
  kind: original ? "translation" : "body",
  title: "T",
  text,
  original,
});
const match = (p: Passage, coverage: number, matched: number): PassageMatch => ({
  passage: p,
  score: matched,
  coverage,
  matched,
  matchedName: false,
});
const hasFigure = (m: PassageMatch) => /\d/.test(m.passage.text);

describe("continuesBefore: a sentence that goes on about the one before", () => {
  it("opens with an anaphor, in either language", () => {
    expect(continuesBefore(passage(1, "There, trainees learn to fight at minus 30 degrees."))).toBe(true);
    expect(continuesBefore(passage(1, "Les stagiaires y apprennent à combattre par moins 30 degrés.", "fr"))).toBe(
      true,
    );
    expect(continuesBefore(passage(1, "Ils y restent quatre mois.", "fr"))).toBe(true);
  });

  it("reads the sentence a translation translates", () => {
    const fr = { lang: "fr" as const, text: "Les stagiaires y apprennent à vivre par moins 30 degrés." };
    expect(continuesBefore(passage(1, "The students learn to live at minus 30 degrees.", "en", fr))).toBe(true);
  });

  it("not a sentence with a subject of its own", () => {
    expect(continuesBefore(passage(1, "The longest intercept, on 19 February, lasted more than two hours."))).toBe(
      false,
    );
    expect(continuesBefore(passage(1, "Le plus long vol, le 19 février, a duré deux heures.", "fr"))).toBe(false);
  });
});

describe("the next sentence of the first release answers when it continues a relevant one", () => {
  // "how cold does it get on the high mountain survival course?"
  const course = match(passage(2, "Each winter France hosts a high mountain survival course in Chamonix."), 0.6, 3);
  const cold = match(passage(3, "There, trainees learn to live at 3,000 metres, at minus 30 degrees."), 0.2, 1);
  const unrelated = match(passage(3, "The longest intercept lasted more than two hours."), 0.2, 1);
  const later = match(passage(5, "There, 4,000 soldiers were trained."), 0.2, 1);
  const pick = (all: PassageMatch[], first?: string) =>
    pickForExtract(all, undefined, undefined, hasFigure, undefined, undefined, undefined, first);

  it("answers with one word and the focus", () => {
    expect(pick([course, cold], "r1")).toEqual([cold]);
    expect(pickForModel([course, cold], undefined, hasFigure, undefined, [], undefined, "r1")[0]).toBe(cold);
  });

  it("not without the first release, not a new subject, not a later sentence", () => {
    expect(pick([course, cold])).toEqual([]);
    expect(pick([course, unrelated], "r1")).toEqual([]);
    expect(pick([course, later], "r1")).toEqual([]);
  });
});

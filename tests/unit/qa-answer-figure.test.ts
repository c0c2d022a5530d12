import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { withFigure } from "../../src/core/qa/answer-test.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";

const passage = (releaseId: string, text: string, lang: Lang = "en"): Passage => ({
  id: `${releaseId}:${lang}:body:${text.length}`,
  releaseId,
  lang,
  kind: "body",
  title: "A release",
  text,
});
const match = (p: Passage): PassageMatch => ({ passage: p, score: 1, coverage: 1, matched: 2, matchedName: false });

/** A retrieval of releases (id → sentences), best first, every sentence matched. */
function retrieval(releases: Record<string, string[]>, alternatives: Record<string, string[]> = {}): Retrieval {
  const ids = Object.keys(releases);
  return {
    query: { texts: ["q"], alternatives },
    matches: ids.map((releaseId) => ({ releaseId, contentHash: releaseId, score: 1, coverage: 1 })),
    releases: new Map(),
    passages: ids.flatMap((id) => (releases[id] ?? []).map((t) => match(passage(id, t)))),
    weights: new Map(ids.map((id) => [id, 1])),
    unmatched: [passage(ids[0] ?? "", "An unmatched sentence.")],
    texts: new Map(ids.map((id) => [id, (releases[id] ?? []).join("\n")])),
  };
}
const ids = (r: Retrieval) => r.matches.map((m) => m.releaseId);

describe("withFigure: a release that gives no figure of the kind asked cannot answer, offline or by a model", () => {
  const exercise = ["Some 8,500 troops began the exercise on 3 February 2026.", "It will last ten days."];
  const contract = ["The contract, worth 780 million dollars, was signed on 16 September 2025."];

  it("money: the release without a sum of money is left out (en and fr questions)", () => {
    const both = retrieval({ exercise, contract });
    expect(ids(withFigure(questionFocus("How much does the exercise cost?", "en"), both))).toEqual(["contract"]);
    const alone = withFigure(questionFocus("Combien coûte l'exercice ?", "fr"), retrieval({ exercise }));
    expect(alone.matches).toEqual([]);
    expect(alone.passages).toEqual([]);
    expect(alone.unmatched).toEqual([]);
  });

  it("a count of N leaves the release to the model (its noun may be worded otherwise); the offline sentence still needs it", () => {
    const tanks = ["Spain provides some 2,600 soldiers and 40 Leopard 2 tanks."];
    const focus = questionFocus("How many tanks of fuel does a Leopard need?", "en");
    const r = retrieval({ tanks });
    expect(withFigure(focus, r)).toBe(r);
    expect(carriesFocus(focus, passage("tanks", tanks[0] ?? ""))).toBe(false);
    const graduates = questionFocus("Combien d'anciens élèves sont passés par le collège ?", "fr");
    const college = retrieval({ college: ["The College has some 15,000 graduates."] });
    expect(withFigure(graduates, college)).toBe(college);
  });

  it("leaves the retrieval as it is for any figure, or another kind of question", () => {
    const r = retrieval({ exercise });
    expect(withFigure(questionFocus("Combien ont-ils promis ?", "fr"), r)).toBe(r);
    expect(withFigure(questionFocus("When did the exercise begin?", "en"), r)).toBe(r);
  });
});

describe("the figure of a stored translation is read in the sentence it translates too", () => {
  it("counts what the original says when the machine worded it otherwise", () => {
    const q = questionFocus("Combien de piliers de travail ont les centres ?", "fr");
    const translated: Passage = {
      ...passage("r", "Les centres fournissent une expertise dans leurs quatre piliers d'œuvre.", "fr"),
      kind: "translation",
      original: { lang: "en", text: "The centres provide expertise in all their four pillars of work." },
    };
    const lookups = { alternatives: (w: string) => (w === "travail" ? ["work"] : w === "piliers" ? ["pillars"] : []) };
    expect(carriesFocus(q, { ...translated, original: undefined }, lookups)).toBe(false);
    expect(carriesFocus(q, translated, lookups)).toBe(true);
  });
});

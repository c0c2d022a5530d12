import { describe, expect, it } from "vitest";
import { namesWhich, whichNoun } from "../../src/core/qa/focus-which.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { pickForExtract } from "../../src/core/qa/selection.js";

const passage = (text: string, original?: Passage["original"]): Passage => ({
  id: `r:en:body:${text.length}`,
  releaseId: "r",
  lang: original ? "fr" : "en",
  kind: original ? "translation" : "body",
  title: "A release",
  text,
  original,
});

describe("'which N' questions (focus-which.ts)", () => {
  it("reads the noun asked for, in both languages, and nothing for other questions", () => {
    expect(whichNoun("Which helicopters flew over the fjord?")).toBe("helicopters");
    expect(whichNoun("Quels hélicoptères ont survolé le fjord ?")).toBe("hélicoptères");
    expect(whichNoun("Quelle université accueille le cours ?")).toBe("université");
    expect(whichNoun("Quel est le budget ?")).toBeUndefined();
    expect(whichNoun("Which of the Allies took part?")).toBeUndefined();
    expect(whichNoun("Who chaired the meeting?")).toBeUndefined();
  });

  it("finds the noun or another spelling of it in the sentence or in the original it translates", () => {
    expect(namesWhich(passage("Two Danish helicopters joined the drill."), "helicopters", [])).toBe(true);
    expect(namesWhich(passage("The drill began on 3 May."), "helicopters", [])).toBe(false);
    const translated = passage("Deux appareils danois ont rejoint l'exercice.", {
      lang: "en",
      text: "Two Danish rotorcraft joined the drill.",
    });
    expect(namesWhich(translated, "hélicoptères", [])).toBe(false);
    expect(namesWhich(translated, "hélicoptères", ["rotorcraft"])).toBe(true);
  });

  it("puts the answer that names the noun before the topic sentence, without dropping the latter", () => {
    const match = (text: string, score: number): PassageMatch => ({
      passage: passage(text),
      score,
      coverage: 0.75,
      matched: 3,
      matchedName: false,
    });
    const topic = match("Exercise Polar Dawn began in the fjord on 3 May.", 20);
    const answer = match("Two Danish helicopters joined exercise Polar Dawn in the fjord.", 12);
    const prefer = (m: PassageMatch) => namesWhich(m.passage, "helicopters", []);
    expect(pickForExtract([topic, answer])[0]).toBe(topic);
    expect(pickForExtract([topic, answer], undefined, undefined, undefined, undefined, prefer)[0]).toBe(answer);
    expect(pickForExtract([topic], undefined, undefined, undefined, undefined, prefer)).toEqual([topic]);
  });
});

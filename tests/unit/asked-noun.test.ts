import { describe, expect, it } from "vitest";
import { markAsked } from "../../src/core/qa/asked-noun.js";
import type { SpecificWord } from "../../src/core/qa/specific-words.js";

const common = (surface: string): SpecificWord => ({ surface, lemma: surface, kind: "common" });
const name = (surface: string): SpecificWord => ({ surface, lemma: surface, kind: "name" });
const either = (surface: string): SpecificWord => ({ surface, lemma: surface, kind: "either" });
const asked = (words: SpecificWord[], q: string) =>
  markAsked(words, q)
    .filter((w) => w.asked)
    .map((w) => w.surface);

describe("the noun a question asks for", () => {
  it("is the noun after which / quel, in both languages", () => {
    expect(
      asked([common("tanks"), name("France"), name("Romania")], "which tanks did France deploy to Romania"),
    ).toEqual(["tanks"]);
    expect(asked([common("moyens"), name("Baltic")], "quels moyens participent à Baltic Sentry")).toEqual(["moyens"]);
  });

  it("is the noun after what is the / quel est le, past 'the name of' and one adjective", () => {
    expect(
      asked([common("budget"), common("centre"), name("Toulouse")], "quel est le budget du centre à Toulouse"),
    ).toEqual(["budget"]);
    const words = [either("french"), common("company"), common("shells")];
    expect(asked(words, "what is the name of the french company making the shells?")).toEqual(["company"]);
    expect(asked([common("budget"), common("projet")], "Quel est le budget du projet ?")).toEqual(["budget"]);
  });

  it("is none in a question without the frame, or when a name or a verb follows it", () => {
    expect(asked([common("radars")], "which ally gets the most radars")).toEqual([]);
    expect(asked([common("migration"), name("Rutte")], "what did Rutte agree about migration")).toEqual([]);
    expect(asked([common("troops"), name("Italy")], "how many troops does Italy send")).toEqual([]);
  });
});

describe("the role a who-question asks for", () => {
  it("is the noun after who is the / qui est le: whoever holds it, a release must speak of it", () => {
    const words = [common("deputy"), common("commander"), name("Multinational"), name("Corps")];
    expect(asked(words, "who is the deputy commander of multinational corps northeast")).toEqual(["deputy"]);
    expect(asked([common("directeur"), name("DIANA")], "qui est le directeur général de DIANA ?")).toEqual([
      "directeur",
    ]);
  });

  it("is none when a name follows who is, or a verb follows who", () => {
    expect(asked([name("Jana"), name("Kotorova")], "who is Jana Kotorova")).toEqual([]);
    expect(asked([common("exercise")], "who leads the exercise")).toEqual([]);
  });
});

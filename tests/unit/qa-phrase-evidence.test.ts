import { describe, expect, it } from "vitest";
import { heldTogether, type PhraseWord, phraseLeader } from "../../src/core/qa/phrase-evidence.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { pickForExtract, pickForModel } from "../../src/core/qa/selection.js";

const noun = (...forms: string[]): PhraseWord => ({ forms, weight: 1 });
const name = (...forms: string[]): PhraseWord => ({ forms, weight: 2, acronym: true });
const verb = (...forms: string[]): PhraseWord => ({ forms, weight: 0.5 });

describe("heldTogether: the question's words written together in one sentence", () => {
  // "when was the energy security CoE created?"
  const words = [noun("energy", "énergie"), noun("security", "sécurité"), name("coe"), verb("created", "créer")];

  it("weighs the words found close together, in any order, an acronym standing for its spelled-out words", () => {
    expect(heldTogether("Greece joined the Centre of Excellence for energy security in Vilnius.", words)).toBe(4);
    // The other language's order: « sécurité énergétique », the acronym's words in front.
    expect(heldTogether("La Grèce a rejoint le Centre d'excellence OTAN pour la sécurité énergétique.", words)).toBe(2);
    expect(heldTogether("Le Centre of Excellence OTAN pour la sécurité énergétique.", words)).toBe(4);
  });

  it("does not count words scattered over a sentence or over sentences", () => {
    const scattered =
      "The programme was created in 1958 to promote research.\nIt covers energy grids, pipelines, power plants and the cyber security of ports.";
    expect(heldTogether(scattered, words)).toBe(0);
    // One word is a mention, not a phrase; a lower-case run is no acronym ("commander of estonia").
    expect(heldTogether("The security of Europe.", words)).toBe(0);
    expect(heldTogether("The commander of estonia's energy forces.", [name("coe"), noun("energy")])).toBe(0);
  });
});

describe("phraseLeader: the release holding strictly more of the question together", () => {
  // "when is the first NATO-Japan cyber exercise?"
  const words = [verb("first", "premier"), name("japan", "Japon"), name("cyber"), noun("exercise", "exercice")];
  const texts: Record<string, string> = {
    coalition:
      "The exercise Cyber Coalition 2025 took place in Tartu.\nJapan and the Republic of Korea took part for the first time.",
    japan:
      "NATO and Japan agreed a new programme.\nThey will hold their first joint cyber defence exercise in Yokosuka.",
    other: "Ministers met in Brussels.",
  };
  const textOf = (id: string) => texts[id];

  it("leads with the release that writes the phrase, not the one with its words in different sentences", () => {
    expect(heldTogether(texts.coalition ?? "", words)).toBe(3);
    expect(phraseLeader(["coalition", "japan", "other"], textOf, words)).toBe("japan");
  });

  it("has no leader on a tie, alone, or holding less than half the question", () => {
    expect(phraseLeader(["japan", "japan2"], (id) => texts[id.replace("2", "")], words)).toBeUndefined();
    expect(phraseLeader(["japan"], textOf, words)).toBeUndefined();
    const weak = [noun("mission"), noun("planet"), noun("agency"), noun("space"), noun("mars")];
    expect(phraseLeader(["a", "b"], (id) => (id === "a" ? "The agency's mission." : "Other."), weak)).toBeUndefined();
  });
});

describe("pickForExtract / pickForModel: the lead release answers first", () => {
  const m = (releaseId: string, text: string, score: number): PassageMatch => ({
    passage: { id: `${releaseId}:en:body:0`, releaseId, lang: "en", kind: "body", title: "T", text },
    score,
    coverage: 0.5,
    matched: 2,
    matchedName: false,
  });
  const programme = m("sps", "The SPS programme was created in 1958.", 36);
  const centre = m("coe", "The Centre, created in 2012, advises NATO.", 17);
  const all = () => true;

  it("puts the lead release's focus-carrying sentence before a better-scored one of another release", () => {
    expect(pickForExtract([programme, centre], undefined, undefined, all)[0]).toBe(programme);
    expect(pickForExtract([programme, centre], undefined, undefined, all, undefined, undefined, "coe")[0]).toBe(centre);
    expect(pickForModel([programme, centre], undefined, all, undefined, [], "coe")[0]).toBe(centre);
  });
});

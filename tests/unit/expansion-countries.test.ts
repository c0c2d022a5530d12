import { describe, expect, it } from "vitest";
import { expandQuestion } from "../../src/core/qa/expansion.js";
import { defaultGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
const tools = createTrustTools(defaultGlossary());
const expand = (q: string, lang: "en" | "fr") => expandQuestion(q, lang, tools, words);

describe("a country's short name, official name and demonym search for one another", () => {
  it('« Corée du Sud » and "South Korea" are the Republic of Korea NATO writes, in both languages', () => {
    expect(expand("la Corée du Sud a-t-elle participé", "fr").corée).toEqual(
      expect.arrayContaining(["Republic of Korea", "République de Corée"]),
    );
    expect(expand("did South Korea take part", "en").korea).toEqual(
      expect.arrayContaining(["Republic of Korea", "République de Corée"]),
    );
  });

  it("the short names of the Republics of Armenia and Moldova meet their official names", () => {
    expect(expand("who met the Armenian minister in Armenia", "en").armenia).toEqual(
      expect.arrayContaining(["Republic of Armenia"]),
    );
    expect(expand("qui a visité la Moldova", "fr").moldova).toEqual(expect.arrayContaining(["Republic of Moldova"]));
  });

  it("a Korean demonym of either gender and number is the country's", () => {
    for (const q of ["les marins coréennes", "des officiers coréens"])
      expect(Object.values(expand(q, "fr")).flat(), q).toEqual(expect.arrayContaining(["Republic of Korea"]));
  });

  it("the NATO Standardization Office is « Bureau OTAN de normalisation » and its NSO, either spelling", () => {
    for (const q of ["who heads the NATO Standardization Office", "who heads the NATO Standardisation Office"])
      expect(expand(q, "en").standardization ?? expand(q, "en").standardisation, q).toEqual(
        expect.arrayContaining(["Bureau OTAN de normalisation", "NSO"]),
      );
  });
});

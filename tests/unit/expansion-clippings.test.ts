import { describe, expect, it } from "vitest";
import { clippingOf } from "../../src/core/qa/clippings.js";
import { expandQuestion } from "../../src/core/qa/expansion.js";

const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];

describe("chat clippings of common words", () => {
  it("reads « hélicos » as the helicopters a release names, in both languages", () => {
    const alt = expandQuestion("le contrat des helicos il coute combien", "fr", undefined, words);
    expect(alt.helicos).toEqual(expect.arrayContaining(["hélicoptères", "helicopters"]));
    expect(clippingOf("Hélico", "fr")).toContain("hélicoptère");
  });

  it("reads English chat forms: helos, satcom, HQ", () => {
    expect(expandQuestion("how many helos were ordered", "en", undefined, words).helos).toEqual(
      expect.arrayContaining(["helicopters", "hélicoptères"]),
    );
    expect(expandQuestion("how much is the satcom contract", "en", undefined, words).satcom).toEqual(
      expect.arrayContaining(["satellite communications", "communications par satellite"]),
    );
    expect(clippingOf("HQ", "en")).toContain("headquarters");
  });

  it("reads « com » and « satcom » in French, not « com » in English", () => {
    expect(expandQuestion("le contrat satcom vaut combien", "fr", undefined, words).satcom).toEqual(
      expect.arrayContaining(["communications par satellite"]),
    );
    expect(clippingOf("com", "fr")).toContain("communications");
    expect(clippingOf("com", "en")).toEqual([]);
  });

  it("leaves whole words alone", () => {
    expect(clippingOf("helicopter", "en")).toEqual([]);
    expect(clippingOf("contrat", "fr")).toEqual([]);
  });
});

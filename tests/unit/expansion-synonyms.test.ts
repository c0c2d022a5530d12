import { describe, expect, it } from "vitest";
import { expandQuestion } from "../../src/core/qa/expansion.js";

const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];

describe("field synonyms across languages", () => {
  it("gives a procurement order its French word, not only « ordre »", () => {
    const alt = expandQuestion("when were the orders for new radars placed", "en", undefined, words);
    expect(alt.orders).toEqual(expect.arrayContaining(["commande", "commandes", "contrat"]));
  });

  it("gives a post held for a term « fonctions » and « mandat », and back", () => {
    expect(expandQuestion("when does the envoy leave office", "en", undefined, words).office).toEqual(
      expect.arrayContaining(["fonctions", "mandat"]),
    );
    expect(expandQuestion("quand son mandat prend-il fin", "fr", undefined, words).mandat).toEqual(
      expect.arrayContaining(["office", "term"]),
    );
  });

  it("gives a training course « formation » and « stage »", () => {
    expect(expandQuestion("how long is the diving course", "en", undefined, words).course).toEqual(
      expect.arrayContaining(["formation", "stage"]),
    );
  });

  it("answers who leads an organisation with its director or general manager, one leader only", () => {
    expect(expandQuestion("qui dirige l'agence", "fr", undefined, words).dirige).toEqual(
      expect.arrayContaining(["directrice", "director", "manager"]),
    );
    expect(expandQuestion("who heads the agency", "en", undefined, words).heads).toEqual(
      expect.arrayContaining(["directeur", "directrice"]),
    );
    // Countries that lead a project together have no director.
    expect(expandQuestion("quels pays dirigent le projet", "fr", undefined, words).dirigent).toBeUndefined();
  });

  it("gives artillery shells « obus », and back", () => {
    expect(expandQuestion("how many 155mm shells were ordered", "en", undefined, words).shells).toEqual(
      expect.arrayContaining(["obus", "ammunition"]),
    );
    expect(expandQuestion("combien d'obus ont été commandés", "fr", undefined, words).obus).toEqual(
      expect.arrayContaining(["shells", "munitions"]),
    );
  });

  it("leaves words outside the groups alone", () => {
    expect(expandQuestion("how deep is the lake", "en", undefined, words).lake).toBeUndefined();
  });
});

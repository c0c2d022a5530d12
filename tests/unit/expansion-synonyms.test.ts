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

describe("field synonyms the dictionaries miss", () => {
  it("gives fighters scrambled « décollages », and back", () => {
    expect(expandQuestion("how many scrambles over the black sea", "en", undefined, words).scrambles).toEqual(
      expect.arrayContaining(["décollages", "décollé"]),
    );
    expect(expandQuestion("combien de décollages en 2025", "fr", undefined, words).décollages).toEqual(
      expect.arrayContaining(["scrambles", "scrambled"]),
    );
  });

  it("gives firms « entreprises », « sociétés » for companies, and back", () => {
    expect(expandQuestion("combien de sociétés ont été aidées", "fr", undefined, words).sociétés).toEqual(
      expect.arrayContaining(["companies", "entreprises"]),
    );
    expect(expandQuestion("how many companies were picked", "en", undefined, words).companies).toEqual(
      expect.arrayContaining(["entreprises", "sociétés"]),
    );
  });

  it("gives a deputy « adjoint », and patrol boats « vedettes »", () => {
    expect(expandQuestion("who is the deputy commander", "en", undefined, words).deputy).toEqual(
      expect.arrayContaining(["adjoint"]),
    );
    expect(expandQuestion("combien de vedettes pour la Tunisie", "fr", undefined, words).vedettes).toEqual(
      expect.arrayContaining(["boats"]),
    );
    expect(expandQuestion("how many patrol boats", "en", undefined, words).boats).toEqual(
      expect.arrayContaining(["vedettes", "patrouilleurs"]),
    );
  });

  it('gives « décoller » the English phrasal verb "take off", and "takeoff" « décoller »', () => {
    expect(
      expandQuestion("en combien de temps les chasseurs peuvent decoller", "fr", undefined, words).decoller,
    ).toEqual(expect.arrayContaining(["take off", "takeoff"]));
    expect(expandQuestion("how fast is the takeoff", "en", undefined, words).takeoff).toEqual(
      expect.arrayContaining(["décoller", "décollage"]),
    );
  });
});

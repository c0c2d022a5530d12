import { describe, expect, it } from "vitest";
import { clausesOf } from "../../src/core/qa/clauses.js";

const texts = (sentence: string) => clausesOf(sentence).map((c) => c.text);

describe("clausesOf", () => {
  it("cuts at a semicolon and before a ranking's next item, in English and French", () => {
    expect(texts("Five Allies take part; Germany placed the largest order, with 500 missiles.")).toEqual([
      "Five Allies take part",
      "Germany placed the largest order, with 500 missiles.",
    ]);
    expect(texts("Most companies come from the United Kingdom, with eleven, followed by Germany with eight.")).toEqual([
      "Most companies come from the United Kingdom, with eleven",
      "followed by Germany with eight.",
    ]);
    expect(texts("Le Royaume-Uni en compte onze, suivi de l’Allemagne avec huit.")).toEqual([
      "Le Royaume-Uni en compte onze",
      "suivi de l’Allemagne avec huit.",
    ]);
  });

  it("cuts a list of statements at each new name, not a list of names that shares one statement", () => {
    expect(
      texts("Portuguese F-16s are based at Šiauliai, Czech Gripens at Ämari, and French Rafales at Malbork."),
    ).toEqual(["Portuguese F-16s are based at Šiauliai", "Czech Gripens at Ämari", "and French Rafales at Malbork."]);
    expect(texts("Latvia, Estonia and Lithuania will receive 12 systems each.")).toEqual([
      "Latvia, Estonia and Lithuania will receive 12 systems each.",
    ]);
    expect(texts("La Lettonie, l’Estonie et la Lituanie recevront chacune 12 systèmes.")).toEqual([
      "La Lettonie, l’Estonie et la Lituanie recevront chacune 12 systèmes.",
    ]);
    expect(texts("Des F-16 portugais sont basés à Šiauliai, des Gripen tchèques à Ämari.")).toEqual([
      "Des F-16 portugais sont basés à Šiauliai, des Gripen tchèques à Ämari.",
    ]);
  });

  it("sets a relative clause apart, linked to the part it depends on", () => {
    expect(clausesOf("Scientists will install 40 sensors along the road, which links Tbilisi to the border.")).toEqual([
      { text: "Scientists will install 40 sensors along the road" },
      { text: "which links Tbilisi to the border.", governor: 0 },
    ]);
    expect(
      clausesOf("Les scientifiques installeront 40 capteurs le long de la route, qui relie Tbilissi à la frontière."),
    ).toEqual([
      { text: "Les scientifiques installeront 40 capteurs le long de la route" },
      { text: "qui relie Tbilissi à la frontière.", governor: 0 },
    ]);
  });

  it("does not cut at a name set off by two commas: it is the part's subject said otherwise", () => {
    expect(texts("The President of the Commission, Ursula von der Leyen, agreed to fund 500 projects.")).toEqual([
      "The President of the Commission, Ursula von der Leyen, agreed to fund 500 projects.",
    ]);
    expect(texts("Il a remercié le premier ministre, M. Manuel Valls, pour les contributions de la France.")).toEqual([
      "Il a remercié le premier ministre, M. Manuel Valls, pour les contributions de la France.",
    ]);
  });

  it("leaves a sentence with nothing to cut whole", () => {
    expect(texts("Latvia will receive 12 systems, the first in 2027.")).toEqual([
      "Latvia will receive 12 systems, the first in 2027.",
    ]);
    expect(texts("La Lettonie recevra 12 systèmes, le premier en 2027.")).toEqual([
      "La Lettonie recevra 12 systèmes, le premier en 2027.",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { checkModelAnswer, spelledOutOne, unsupportedFacts } from "../../src/core/qa/answer-check.js";
import type { NumberedPassage } from "../../src/core/qa/answer-model.port.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

const passages: NumberedPassage[] = [
  {
    n: 1,
    releaseId: "r1",
    title: "Les Alliés évoquent la capacité industrielle de défense",
    lang: "fr",
    text: "Depuis juillet dernier, la NSPA avait autorisé des contrats pour un montant d’environ 10 milliards de dollars, portant notamment sur des missiles Patriot et des munitions de 155 millimètres.",
  },
  {
    n: 2,
    releaseId: "r2",
    title: "NATO agency signs contracts for artillery ammunition",
    lang: "en",
    text: "The NSPA has signed contracts worth 1.1 billion euros for around 220,000 rounds of 155-millimetre ammunition.",
  },
];

describe("checkModelAnswer", () => {
  it("keeps cited sentences whose figures are in the cited passage, across languages", () => {
    const checked = checkModelAnswer(
      "Since last July, the NSPA has authorised contracts worth about 10 billion dollars [1]. It also bought 220,000 rounds [2].",
      "en",
      passages,
    );
    expect(checked.dropped).toEqual([]);
    expect(checked.sentences).toEqual([
      { text: "Since last July, the NSPA has authorised contracts worth about 10 billion dollars.", passages: [1] },
      { text: "It also bought 220,000 rounds.", passages: [2] },
    ]);
  });

  it("drops uncited sentences, citations of passages it was not given, and figures the cited passage lacks", () => {
    const checked = checkModelAnswer(
      "NATO is the strongest alliance in history. The NSPA spent 10 billion dollars [7]. The NSPA spent 1.1 billion euros [1]. Contracts reached 10 billion dollars. [1]",
      "en",
      passages,
    );
    expect(checked.sentences).toEqual([{ text: "Contracts reached 10 billion dollars.", passages: [1] }]);
    expect(checked.dropped.map((d) => d.why)).toEqual([
      "uncited",
      "cites no passage it was given",
      "not in the cited passages: 1.1 billion euros",
    ]);
  });

  it("drops a name that the cited passage does not carry", () => {
    const checked = checkModelAnswer("Mark Rutte announced contracts for Patriot missiles [1].", "en", passages);
    expect(checked.sentences).toEqual([]);
    expect(checked.dropped[0]?.why).toMatch(/Mark|Rutte/);
  });

  it("cleans pings and markup before checking", () => {
    const checked = checkModelAnswer("@channel <!here> **La NSPA** a autorisé des contrats [1][1, 2].", "fr", passages);
    expect(checked.sentences).toEqual([{ text: "La NSPA a autorisé des contrats.", passages: [1, 2] }]);
  });
});

describe("figures", () => {
  it("reads a spelled-out one as the figure a reader sees", () => {
    expect(spelledOutOne("un fonds doté d'un milliard d'euros", "fr")).toBe("un fonds doté d'1 milliard d'euros");
    expect(
      unsupportedFacts("a fund of 1 billion euros", "en", [
        { lang: "fr", title: "", text: "un fonds doté d'un milliard d'euros" },
      ]),
    ).toEqual([]);
  });
});

describe("checkModelAnswer across languages (the fact guard's evidence)", () => {
  const tools = createTrustTools(loadGlossary());
  const en: NumberedPassage[] = [
    {
      n: 1,
      releaseId: "r3",
      title: "Exercise Cold Response 2026 begins",
      lang: "en",
      text: "More than 25,000 troops from 14 Allies began the exercise in the High North on Monday (9 March 2026); the ceremony at Evenes started at 13:00. The European Union sent observers.",
    },
  ];
  it("keeps a French answer citing an English passage: numbers, date, weekday, time, glossary names", () => {
    const checked = checkModelAnswer(
      "Le lundi 9 mars 2026, plus de 25 000 militaires de quatorze pays alliés ont commencé l'exercice dans le Grand Nord ; la cérémonie d'Evenes a débuté à 13 h [1]. L'UE a envoyé des observateurs [1].",
      "fr",
      en,
      tools,
    );
    expect(checked.dropped).toEqual([]);
    expect(checked.sentences).toHaveLength(2);
  });
  it("drops a sentence with another date, time or an office-holder the passage does not name", () => {
    const checked = checkModelAnswer(
      "L'exercice a commencé le mardi 10 mars 2026 [1]. La cérémonie a débuté à 14 h [1]. Ursula von der Leyen a envoyé des observateurs [1].",
      "fr",
      en,
      tools,
    );
    expect(checked.sentences).toEqual([]);
    expect(checked.dropped.map((d) => d.why)).toEqual([
      "not in the cited passages: mardi, 10 mars 2026",
      "not in the cited passages: 14 h",
      // Without the lexicon a sentence's first word is not taken for a name; "Leyen" is enough to drop it.
      "not in the cited passages: Leyen",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import { asksAboutNext, nextNoun, speaksOfFuture, textCovers } from "../../src/core/qa/focus-future.js";
import { sentence as passage } from "../helpers/releases.js";

describe("questions about the next one of something (focus-future.ts)", () => {
  it("tells 'the next meeting' from 'next year', in both languages", () => {
    expect(asksAboutNext("Who will chair the next ministerial meeting?")).toBe(true);
    expect(asksAboutNext("Quand aura lieu la prochaine réunion des ministres ?")).toBe(true);
    expect(asksAboutNext("Who chaired the last ministerial meeting?")).toBe(false);
    expect(asksAboutNext("How much will Allies spend next year?")).toBe(false);
    expect(asksAboutNext("Combien les Alliés dépenseront-ils l'année prochaine ?")).toBe(false);
    expect(asksAboutNext("Combien de navires dans les mois à venir ?")).toBe(false);
    expect(nextNoun("Where is the next conference on space?")).toBe("conference");
    expect(nextNoun("Où se tiendra la prochaine conférence ?")).toBe("conférence");
  });

  it("finds a sentence about what is to come, not about the last one", () => {
    expect(speaksOfFuture("The next conference will be held in Oslo in May.")).toBe(true);
    expect(speaksOfFuture("La prochaine conférence se tiendra à Oslo en mai.")).toBe(true);
    expect(speaksOfFuture("Le comité se réunira de nouveau au printemps.")).toBe(true);
    expect(speaksOfFuture("The conference is to be held in Oslo.")).toBe(true);
    expect(speaksOfFuture("The conference was held in Oslo in May 2023.")).toBe(false);
    expect(speaksOfFuture("La conférence s'est tenue à Oslo en mai 2023.")).toBe(false);
    // "next year" is a span of time, not an event to come.
    expect(speaksOfFuture("Allies pledged funding within the next year.")).toBe(false);
  });

  it("declines the sentence about the last one, whatever its language, and keeps the one about the next", () => {
    const q = questionFocus("Where will the next space conference take place?", "en");
    expect(carriesFocus(q, passage("The space conference took place in Oslo, in Norway.", "en"))).toBe(false);
    expect(carriesFocus(q, passage("The next edition will take place in Lyon, in France.", "en"))).toBe(true);
    expect(carriesFocus(q, passage("The space conference will be held in Turin, in Italy.", "en"))).toBe(true);
    // Future, but about something else; "next" before another noun: not where the next conference is.
    const other = "The Board will advise the Council in Paris on the next Defence Review for the conference in 2027.";
    expect(carriesFocus(q, passage(other, "en"))).toBe(false);
    const fr = questionFocus("Qui présidera le prochain comité ?", "fr");
    expect(carriesFocus(fr, passage("Le comité a été présidé par Anna Berg.", "fr"))).toBe(false);
    // A stored translation may lose the tense: the original it renders counts too.
    const translated = passage("Le prochain comité présidé par Anna Berg.", "fr", {
      lang: "en",
      text: "The next committee will be chaired by Anna Berg.",
    });
    expect(carriesFocus(fr, translated)).toBe(true);
  });

  it("reads a release's words with their other spellings, inflections and accents aside", () => {
    expect(textCovers("Les conférences annuelles sur l'espace", "conference", [])).toBe(true);
    expect(textCovers("The Allies agreed on space.", "sommet", ["summit"])).toBe(false);
    expect(textCovers("At the Vilnius Summit, Allies agreed.", "sommet", ["summit"])).toBe(true);
  });
});

describe("a person's name in a sentence", () => {
  it("is not a product name whose second word has no lower-case letter", () => {
    const who = questionFocus("Who signed the contract?", "en");
    expect(carriesFocus(who, passage("The agency ordered six Airbus A-400 planes.", "en"))).toBe(false);
    expect(carriesFocus(who, passage("The contract was signed by Jane Miller.", "en"))).toBe(true);
    const qui = questionFocus("Qui a signé le contrat ?", "fr");
    expect(carriesFocus(qui, passage("L'agence a commandé six Airbus A-400.", "fr"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import { withoutModelNumbers } from "../../src/core/qa/model-numbers.js";
import { sentence as passage } from "../helpers/releases.js";

const answers = (q: string, lang: Lang, text: string, textLang: Lang = lang) =>
  carriesFocus(questionFocus(q, lang), passage(text, textLang));

describe("the digits of a name count nothing", () => {
  it("blanks the digits written onto a name or after a capitalised word, in English and French", () => {
    expect(withoutModelNumbers("Spanish Leopard 2 tanks and Portuguese F-16s, with an A330 MRTT.")).toBe(
      "Spanish Leopard # tanks and Portuguese F-##s, with an A### MRTT.",
    );
    expect(withoutModelNumbers("Des chars Leopard 2 espagnols et des F-16 portugais.")).toBe(
      "Des chars Leopard # espagnols et des F-## portugais.",
    );
  });

  it("keeps the figures of a sentence's opening word, of dates and of currencies", () => {
    for (const text of [
      "Around 3,200 troops arrived on 3 May 2026.",
      "In 2025 the jets were scrambled.",
      "The budget is EUR 5 million and NOK 2 billion.",
      "Environ 3 200 militaires sont arrivés le 3 mai 2026.",
      "Le budget est de EUR 5 millions.",
    ])
      expect(withoutModelNumbers(text)).toBe(text);
  });

  it("so a count of soldiers is not answered by the name of a tank; it is by a count beside it", () => {
    const trap = "French Leclerc tanks and Spanish Leopard 2 tanks will train alongside Romanian and Belgian infantry.";
    expect(answers("and how many Belgian soldiers?", "en", trap)).toBe(false);
    expect(
      answers("and how many Belgian soldiers?", "en", "Some 300 Belgian soldiers train with Leopard 2 tanks."),
    ).toBe(true);
    const piege = "Des chars Leopard 2 espagnols s’entraîneront aux côtés de l’infanterie roumaine et belge.";
    expect(answers("et combien de soldats belges ?", "fr", piege)).toBe(false);
    expect(answers("et combien de soldats belges ?", "fr", "Quelque 300 soldats belges s’entraînent avec eux.")).toBe(
      true,
    );
  });
});

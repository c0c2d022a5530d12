import { describe, expect, it } from "vitest";
import { questionFocus } from "../../src/core/qa/focus.js";
import { distinctiveFocus } from "../../src/core/qa/focus-distinctive.js";

const distinctive = (q: string, lang: "en" | "fr") => distinctiveFocus(questionFocus(q, lang));

describe("distinctiveFocus: what a release says rarely enough to trust its leading release with", () => {
  it("holds a person, a place and a date", () => {
    expect(distinctive("who leads the agency", "en")).toBe(true);
    expect(distinctive("où se trouve le commandement maritime allié", "fr")).toBe(true);
    expect(distinctive("when did the centre open", "en")).toBe(true);
  });

  it("holds a figure in degrees, metres, tonnes or km/h, in either language", () => {
    expect(distinctive("jusqu'a quelle profondeur plongent les gliders du cmre", "fr")).toBe(true);
    expect(distinctive("how cold does it get during the exercise", "en")).toBe(true);
    expect(distinctive("combien pèse le drone", "fr")).toBe(true);
    expect(distinctive("at what speed does the boat sail", "en")).toBe(true);
  });

  it("not a sum, a count of times or of things, nor a question that asks for no kind", () => {
    expect(distinctive("how much do the two ground stations cost", "en")).toBe(false);
    expect(distinctive("combien de fois les avions ont-ils décollé", "fr")).toBe(false);
    expect(distinctive("how many tanks does Estonia have", "en")).toBe(false);
    expect(distinctive("is nato buying another drone?", "en")).toBe(false);
  });
});

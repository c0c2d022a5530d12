import { describe, expect, it } from "vitest";
import { withoutKindWords } from "../../src/core/qa/focus.js";

describe("the words that say what kind of answer a question wants", () => {
  it("are left out of the search for a duration, a date or a place", () => {
    expect(withoutKindWords("How long will the bridge repairs take?", "en")).toBe("will the bridge repairs take?");
    expect(withoutKindWords("Combien de temps dure le stage de plongée ?", "fr")).toBe("dure le stage de plongée ?");
    expect(withoutKindWords("What year did the depot open?", "en")).toBe("did the depot open?");
    expect(withoutKindWords("In which country is the new depot?", "en")).toBe("is the new depot?");
  });

  it("keep a figure's words, which the answer usually repeats", () => {
    expect(withoutKindWords("What is the cost of the new depot?", "en")).toBe("What is the cost of the new depot?");
    expect(withoutKindWords("Quel est le montant du contrat ?", "fr")).toBe("Quel est le montant du contrat ?");
  });
});

import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import { askedSuccession } from "../../src/core/qa/focus-succession.js";
import { sentence as passage } from "../helpers/releases.js";

const answers = (q: string, lang: Lang, text: string, textLang: Lang = lang) =>
  carriesFocus(questionFocus(q, lang), passage(text, textLang));

describe("who replaced whom: the direction of succession", () => {
  it("reads which way a question asks, and about whom, in both languages", () => {
    expect(askedSuccession("who did bauer replace?")).toEqual({ name: "bauer", asks: "predecessor" });
    expect(askedSuccession("Who was Rutte's predecessor?")).toEqual({ name: "rutte", asks: "predecessor" });
    expect(askedSuccession("qui Bauer a-t-il remplacé ?")).toEqual({ name: "bauer", asks: "predecessor" });
    expect(askedSuccession("à qui Bauer a-t-il succédé ?")).toEqual({ name: "bauer", asks: "predecessor" });
    expect(askedSuccession("who was elected to succeed admiral bauer?")).toEqual({ name: "bauer", asks: "successor" });
    expect(askedSuccession("Who replaced Jens Stoltenberg as Secretary General?")).toEqual({
      name: "stoltenberg",
      asks: "successor",
    });
    expect(askedSuccession("qui a succédé à l'amiral Bauer ?")).toEqual({ name: "bauer", asks: "successor" });
    expect(askedSuccession("who leads the mission?")).toBeUndefined();
  });

  it("does not answer whom X replaced with who replaces X, in either language", () => {
    const elected = "L'amiral Giuseppe Cavo Dragone a été élu pour lui succéder.";
    expect(answers("who did bauer replace?", "en", elected, "fr")).toBe(false);
    expect(answers("qui Bauer a-t-il remplacé ?", "fr", elected)).toBe(false);
    expect(answers("who was elected to succeed admiral bauer?", "en", elected, "fr")).toBe(true);
    const named = "Admiral Cavo Dragone replaced Admiral Bauer as Chair.";
    expect(answers("who did bauer replace?", "en", named)).toBe(false);
    expect(answers("who replaced bauer?", "en", named)).toBe(true);
    const passive = "Admiral Bauer will be replaced by Admiral Cavo Dragone in January.";
    expect(answers("who did bauer replace?", "en", passive)).toBe(false);
    expect(answers("qui a remplacé Bauer ?", "fr", passive, "en")).toBe(true);
  });

  it("answers whom X replaced with the sentence where X is the one who succeeds", () => {
    const q = "who did bauer replace?";
    expect(answers(q, "en", "Admiral Rob Bauer succeeded Air Chief Marshal Stuart Peach in June 2021.")).toBe(true);
    expect(answers(q, "en", "Admiral Bauer took over from Air Chief Marshal Stuart Peach.")).toBe(true);
    expect(answers("qui Bauer a-t-il remplacé ?", "fr", "L'amiral Bauer a succédé au maréchal Stuart Peach.")).toBe(
      true,
    );
  });

  it("wants a sentence that speaks of succession at all", () => {
    // The meeting he chaired names a person, not whom he replaced.
    expect(answers("who did bauer replace?", "en", "The meeting was chaired by Admiral Rob Bauer.")).toBe(false);
    expect(answers("Qui a remplacé Jens Stoltenberg ?", "fr", "M. Rutte a pris ses fonctions.")).toBe(true);
  });
});

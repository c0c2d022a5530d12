import { describe, expect, it } from "vitest";
import { passagesOf } from "../../bench/qa-quality/oracle.js";
import { containsQuote, judge, normaliseForMatch } from "../../bench/qa-quality/score.js";

// The qa-quality benchmark's matching rule: its figures are only as good as this judgement.
const expected = { releaseId: "r1", quotes: ["D’une valeur de 1,3 milliard d’euros", "worth 1.3 billion euros"] };
const answered = (text: string, releaseId = "r1") => ({ status: "answered", text, citations: [{ releaseId }] });

describe("qa-quality scorer", () => {
  it("normalises quotes, dashes, no-break spaces and citation markers, and keeps accents", () => {
    expect(normaliseForMatch("L’OTAN « 5\u202f000 » – [1][2] Fin")).toBe('l\'otan "5 000" - fin');
    expect(normaliseForMatch("Marché")).not.toBe(normaliseForMatch("marche"));
  });

  it("finds a quote across typography and a citation marker, not a different figure", () => {
    expect(
      containsQuote(
        "Selon le texte : d'une valeur de 1,3 [1] milliard d'euros.",
        "D’une valeur de 1,3 milliard d’euros",
      ),
    ).toBe(true);
    expect(containsQuote("d’une valeur de 1,5 milliard d’euros", "D’une valeur de 1,3 milliard d’euros")).toBe(false);
    expect(containsQuote("anything", "  .")).toBe(false);
  });

  it("answered: cites the expected release and quotes the original or NATO's own translation", () => {
    expect(
      judge(answered("From the stored releases: D'une valeur de 1,3 milliard d'euros, ces contrats [1]."), expected),
    ).toBe("answered");
    expect(judge(answered("The contracts are worth 1.3 billion euros [1]."), expected)).toBe("answered");
  });

  it("a machine translation without the original sentence is not answered", () => {
    const text =
      "From the stored releases: Of a value of 1.3 billion euros [1].\n(Machine translation (offline, Apertium): may contain errors)";
    expect(judge(answered(text), expected)).toBe("translated-only");
    const withOriginal = `${text}\nOriginal: D’une valeur de 1,3 milliard d’euros, ces contrats [1].`;
    expect(judge(answered(withOriginal), expected)).toBe("answered");
  });

  it("the right sentence cited to another release, or another sentence, is a miss", () => {
    expect(judge(answered("worth 1.3 billion euros [1].", "r2"), expected)).toBe("wrong-release");
    expect(judge(answered("Two companies won the contracts [1]."), expected)).toBe("wrong-sentence");
  });

  it("a no-answer reply is declined, whatever its status says; a refusal is neither", () => {
    const noAnswer = "No answer in the stored releases. Try a keyword search: search contracts";
    expect(judge({ status: "no-answer", text: noAnswer, citations: [] }, undefined)).toBe("declined");
    expect(judge(answered(`${noAnswer} worth 1.3 billion euros`), expected)).toBe("declined");
    expect(judge(answered("Pas de réponse dans les communiqués enregistrés."), undefined)).toBe("declined");
    expect(judge({ status: "refused", text: "too long", citations: [] }, expected)).toBe("refused");
    expect(judge(answered("Mars is a planet [1]."), undefined)).toBe("wrong-release");
  });

  it("the oracle reads the passages back from the answer prompt's blocks", () => {
    const content =
      "Answer in English (en).\n\n<<<PASSAGE 1 release=abc lang=fr date=2025-04-15>>>\nTitle: T\nD’une valeur de 1,3 milliard d’euros.\n<<<END PASSAGE>>>\n\n" +
      "<<<PASSAGE 2 release=def lang=en>>>\nTitle: U\nSecond.\n<<<END PASSAGE>>>";
    const request = {
      method: "POST",
      path: "/v1/chat/completions",
      headers: {},
      rawBody: "",
      body: { model: "m", messages: [{ role: "user", content }] },
    };
    expect(passagesOf(request)).toEqual([
      { n: 1, releaseId: "abc", lang: "fr", text: "D’une valeur de 1,3 milliard d’euros." },
      { n: 2, releaseId: "def", lang: "en", text: "Second." },
    ]);
  });
});

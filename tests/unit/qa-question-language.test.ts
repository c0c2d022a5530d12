import { describe, expect, it } from "vitest";
import { detectQuestionLanguage } from "../../src/core/qa/question-language.js";

const lang = (q: string, fallback: "en" | "fr" = "en") => detectQuestionLanguage(q, fallback).lang;

describe("detectQuestionLanguage", () => {
  it("tells short questions apart, never refusing them", () => {
    expect(lang("Quel montant ?")).toBe("fr");
    expect(lang("Combien ?")).toBe("fr");
    expect(lang("Et en 2023 ?")).toBe("fr");
    expect(lang("Qu'a dit l'OTAN ?")).toBe("fr");
    expect(lang("What about 2023?", "fr")).toBe("en");
    expect(lang("How much?", "fr")).toBe("en");
    expect(lang("Who is the Secretary General?", "fr")).toBe("en");
  });

  it("reads full questions in either language", () => {
    expect(lang("Quel montant de contrats la NSPA a-t-elle autorisés ?")).toBe("fr");
    expect(lang("What amount of contracts did the NSPA authorise?", "fr")).toBe("en");
    expect(lang("qu'a dit l'OTAN sur la production de défense ?")).toBe("fr");
    expect(lang("what did NATO say about ammunition this month?", "fr")).toBe("en");
  });

  it("falls back to the conversation's language when the words cannot tell", () => {
    expect(detectQuestionLanguage("NSPA ?", "fr")).toEqual({ lang: "fr", by: "fallback" });
    expect(detectQuestionLanguage("Steadfast Defender 2024", "en")).toEqual({ lang: "en", by: "fallback" });
  });
});

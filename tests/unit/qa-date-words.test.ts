import { describe, expect, it } from "vitest";
import { inRange, narrowByDate } from "../../src/core/qa/date-words.js";

// A Thursday.
const today = new Date("2025-03-20T10:00:00Z");
const range = (q: string) => narrowByDate(q, today).range;

describe("narrowByDate", () => {
  it("resolves relative words in English and French against the clock", () => {
    expect(range("What did NATO say this week?")).toEqual({ from: "2025-03-17", to: "2025-03-20" });
    expect(range("Qu'a dit l'OTAN cette semaine ?")).toEqual({ from: "2025-03-17", to: "2025-03-20" });
    expect(range("news from last week")).toEqual({ from: "2025-03-10", to: "2025-03-16" });
    expect(range("la semaine dernière")).toEqual({ from: "2025-03-10", to: "2025-03-16" });
    expect(range("ammunition this month")).toEqual({ from: "2025-03-01", to: "2025-03-20" });
    expect(range("les munitions ce mois-ci")).toEqual({ from: "2025-03-01", to: "2025-03-20" });
    expect(range("le mois dernier")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(range("last year")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(range("l'an dernier")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(range("cette année")).toEqual({ from: "2025-01-01", to: "2025-03-20" });
    expect(range("yesterday")).toEqual({ from: "2025-03-19", to: "2025-03-19" });
    expect(range("aujourd’hui")).toEqual({ from: "2025-03-20", to: "2025-03-20" });
  });

  it("reads months, years and full dates, with or without accents", () => {
    expect(range("What happened in February 2024?")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(range("Qu'a décidé l'OTAN en février 2024 ?")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(range("en fevrier 2024")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(range("le 13 février 2024")).toEqual({ from: "2024-02-13", to: "2024-02-13" });
    expect(range("on February 13, 2024")).toEqual({ from: "2024-02-13", to: "2024-02-13" });
    expect(range("in 2023")).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    // A month alone is the latest one up to today: January is this year's, May last year's.
    expect(range("Qu'a dit l'OTAN en janvier ?")).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(range("in May")).toEqual({ from: "2024-05-01", to: "2024-05-31" });
    expect(range("depuis janvier")).toEqual({ from: "2025-01-01", to: "2025-03-20" });
    expect(range("since 2024")).toEqual({ from: "2024-01-01", to: "2025-03-20" });
    expect(range("since 1 March 2025")).toEqual({ from: "2025-03-01", to: "2025-03-20" });
  });

  it("takes the date words out of the question and leaves other questions alone", () => {
    expect(narrowByDate("What did NATO say about ammunition this month?", today).rest).toBe(
      "What did NATO say about ammunition ?",
    );
    expect(narrowByDate("Quel montant en février 2024 ?", today).rest).toBe("Quel montant ?");
    // "155" and "2 %" are figures, not dates; "mars" without "en" may be the planet.
    expect(narrowByDate("155 mm ammunition and 2 % of GDP", today)).toEqual({
      rest: "155 mm ammunition and 2 % of GDP",
    });
    expect(narrowByDate("life on Mars", today).range).toBeUndefined();
  });

  it("says when the year of a month was guessed (the last such month), not when it was given", () => {
    const today = new Date("2026-12-01T10:00:00Z");
    expect(narrowByDate("what did ministers agree in February?", today)).toMatchObject({
      range: { from: "2026-02-01", to: "2026-02-28" },
      guessedYear: true,
    });
    expect(narrowByDate("what did ministers agree in February 2025?", today).guessedYear).toBeUndefined();
  });

  it("checks a date against a range, any date passing without one", () => {
    expect(inRange("2025-03-18", { from: "2025-03-17", to: "2025-03-20" })).toBe(true);
    expect(inRange("2025-03-21", { from: "2025-03-17", to: "2025-03-20" })).toBe(false);
    expect(inRange("1999-01-01", undefined)).toBe(true);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPublishedDate } from "../../src/core/ingest/extract-date.js";
import { findDates, isoDate } from "../../src/core/text/dates.js";

const sample = readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8");

describe("extractPublishedDate", () => {
  it("finds the date of the real French sample", () => {
    expect(extractPublishedDate(sample)).toBe("2024-02-13");
    expect(extractPublishedDate(sample, "fr")).toBe("2024-02-13");
  });

  it.each([
    ["Ce mardi (13 février 2024) le secrétaire général", "2024-02-13"],
    ["Le 1er mars 2025, les Alliés", "2025-03-01"],
    ["le 3 août 2023", "2023-08-03"],
    ["le 9 DÉCEMBRE 2022", "2022-12-09"],
    ["on 13 February 2024 in Brussels", "2024-02-13"],
    ["February 13, 2024 – Brussels", "2024-02-13"],
    ["on 1st March 2025", "2025-03-01"],
    ["published 2024-02-13T09:30:00Z", "2024-02-13"],
    ["19 Sep. 2025 -", "2025-09-19"],
    ["Last updated: 04 Oct. 2023 16:13", "2023-10-04"],
    ["13\u00A0février\u00A02024", "2024-02-13"],
    ["29 February 2024", "2024-02-29"],
  ])("reads %j", (text, expected) => {
    expect(extractPublishedDate(text)).toBe(expected);
  });

  it("returns the first date in reading order, whatever its format", () => {
    expect(extractPublishedDate("On 2 May 2024 it recalled the 2023-01-10 declaration and 13 février 2024.")).toBe(
      "2024-05-02",
    );
    expect(findDates("2024-01-10 and 3 May 2024").map(isoDate)).toEqual(["2024-01-10", "2024-05-03"]);
  });

  it("rejects impossible dates", () => {
    expect(extractPublishedDate("31 February 2024")).toBeUndefined();
    expect(extractPublishedDate("29 February 2023")).toBeUndefined();
    expect(extractPublishedDate("2024-13-01")).toBeUndefined();
    expect(extractPublishedDate("30 février 2024")).toBeUndefined();
    expect(extractPublishedDate("0 March 2024")).toBeUndefined();
  });

  it("needs day, month and year", () => {
    expect(extractPublishedDate("In January 2023, NATO and the EU signed")).toBeUndefined();
    expect(extractPublishedDate("En janvier 2023")).toBeUndefined();
    expect(extractPublishedDate("13 February")).toBeUndefined();
    expect(extractPublishedDate("155 millimètres, 10 milliards")).toBeUndefined();
    expect(extractPublishedDate("")).toBeUndefined();
  });

  it("does not read month names inside other words", () => {
    expect(extractPublishedDate("12 maintain 2024")).toBeUndefined();
    expect(extractPublishedDate("3 marshals 2024")).toBeUndefined();
  });

  it("with a language, reads only that language's month names", () => {
    expect(extractPublishedDate("13 février 2024", "en")).toBeUndefined();
    expect(extractPublishedDate("13 February 2024", "fr")).toBeUndefined();
    expect(extractPublishedDate("2024-02-13", "fr")).toBe("2024-02-13");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText, parseReleaseText, titleFromSentence } from "../../src/core/ingest/parse-text.js";

const sample = readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8");

describe("parseReleaseText", () => {
  it("takes the first line of the real sample as its title and the rest as paragraphs", () => {
    const parsed = parseReleaseText(sample);
    expect(parsed.title).toBe(
      "Les Alliés évoquent avec le commissaire européen Thierry Breton la nécessité de renforcer la capacité " +
        "industrielle de défense",
    );
    expect(parsed.paragraphs).toHaveLength(3);
    expect(parsed.paragraphs[0]).toMatch(/^Ce mardi \(13 février 2024\) le secrétaire général de l’OTAN/);
    expect(parsed.paragraphs[2]).toMatch(/infrastructures critiques\.$/);
    expect(parsed.published).toBe("2024-02-13");
  });

  it("keeps typographic characters as written", () => {
    const parsed = parseReleaseText(sample);
    const body = parsed.paragraphs.join("\n");
    for (const char of ["’", "«", "»", "œ", "ă"]) expect(body).toContain(char);
    expect(body).toContain("Conseil de l'Atlantique Nord");
  });

  it("normalises line endings, spaces, control and zero-width characters", () => {
    const raw =
      "\uFEFF  Title\u200B here \r\n\r\nFirst\t\tparagraph  with\u0007 spaces – and « quotes »\r\n\n  Second\u00A0one\u00AD.  \n";
    const parsed = parseReleaseText(raw);
    expect(parsed.title).toBe("Title here");
    expect(parsed.paragraphs).toEqual(["First paragraph with spaces – and « quotes »", "Second\u00A0one."]);
  });

  it("applies NFC so decomposed accents compare equal", () => {
    const decomposed = "Le secre\u0301taire ge\u0301ne\u0301ral\nCorps du texte.";
    expect(parseReleaseText(decomposed).title).toBe("Le secrétaire général");
    expect(normalizeText("e\u0301")).toBe("é");
  });

  it("makes the first sentence the title when the text starts with body", () => {
    const raw =
      "M. Stoltenberg a reçu le commissaire européen Thierry Breton au siège de l’OTAN à Bruxelles. Il a souligné l’importance de la coopération.\nDeuxième paragraphe.";
    const parsed = parseReleaseText(raw);
    expect(parsed.title).toBe(
      "M. Stoltenberg a reçu le commissaire européen Thierry Breton au siège de l’OTAN à Bruxelles",
    );
    expect(parsed.paragraphs).toHaveLength(2);
    expect(parsed.paragraphs[0]).toMatch(/^M\. Stoltenberg/);
  });

  it("shortens a long first sentence on a word boundary", () => {
    const long = `${"The North Atlantic Council met today in Brussels with partners ".repeat(4)}and agreed.`;
    const title = titleFromSentence(long);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith("…")).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).not.toMatch(/\s$/);
  });

  it("treats a first line of 300 characters or more as body", () => {
    const line = `${"word ".repeat(70)}end`;
    const parsed = parseReleaseText(`${line}\nnext`);
    expect(parsed.paragraphs).toEqual([line, "next"]);
    expect(parsed.title.endsWith("…")).toBe(true);
  });

  it("uses a given title and drops a first line that repeats it", () => {
    expect(parseReleaseText("My title\nBody one\nBody two", { title: "My title" }).paragraphs).toEqual([
      "Body one",
      "Body two",
    ]);
    expect(parseReleaseText("Body one\nBody two", { title: "Other" })).toEqual({
      title: "Other",
      paragraphs: ["Body one", "Body two"],
    });
  });

  it("returns nothing for blank input and no date when there is none", () => {
    expect(parseReleaseText(" \n\t\n")).toEqual({ title: "", paragraphs: [] });
  });
});

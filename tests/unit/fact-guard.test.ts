import { describe, expect, it } from "vitest";
import { checkFacts } from "../../src/core/briefing/fact-guard.js";
import type { ReleaseText } from "../../src/core/domain/release.js";

const fr: ReleaseText = {
  lang: "fr",
  title: "Les Alliés et M. Breton",
  paragraphs: [
    "Ce mardi (13 février 2024), Jens Stoltenberg a reçu Thierry Breton. L’Agence a autorisé des contrats pour environ 10 milliards de dollars et des munitions de 155 millimètres.",
  ],
  official: true,
};
const release = { texts: { fr } };
const part = (summary: string) => ({ headline: "NATO brief", summary, keyPoints: [] as string[] });

describe("checkFacts", () => {
  it("accepts figures rendered in the other language", () => {
    const check = checkFacts(
      { en: part("Contracts worth about 10 billion dollars for 155-millimetre shells, on 13 February 2024.") },
      release,
      { equivalents: () => ["NATO"] },
    );
    expect(check.findings).toEqual([]);
    expect(check.ok).toBe(true);
  });
  it("flags a wrong magnitude even when the digits exist", () => {
    const check = checkFacts({ en: part("Contracts worth 10 million dollars were signed.") }, release, {
      equivalents: () => ["NATO"],
    });
    expect(check.ok).toBe(false);
    expect(check.findings).toContainEqual(expect.objectContaining({ kind: "number", value: "10 million dollars" }));
  });
  it("flags an invented number and an invented name", () => {
    const check = checkFacts({ en: part("Stoltenberg met Mark Rutte about 300 tanks.") }, release, {
      equivalents: () => ["NATO"],
    });
    expect(check.findings.map((f) => `${f.kind}:${f.value}`)).toEqual(
      expect.arrayContaining(["number:300", "name:Mark", "name:Rutte"]),
    );
  });
  it("accepts a name through its official glossary equivalent", () => {
    const withoutGlossary = checkFacts({ en: part("Stoltenberg spoke for NATO.") }, release);
    const withGlossary = checkFacts({ en: part("Stoltenberg spoke for NATO.") }, release, {
      equivalents: (_t, from, to) => (from === "fr" && to === "en" ? ["NATO"] : []),
    });
    expect(withoutGlossary.ok).toBe(false);
    expect(withGlossary.ok).toBe(true);
  });
  it("accepts an acronym of a name the release spells out, and nothing else", () => {
    const spelled = {
      texts: {
        en: {
          lang: "en" as const,
          title: "T",
          paragraphs: ["The NATO Support and Procurement Agency met the European Union."],
          official: true,
        },
      },
    };
    expect(checkFacts({ en: part("NSPA and the EU met.") }, spelled).ok).toBe(true);
    expect(checkFacts({ en: part("NSPA and the UN met.") }, spelled).findings.map((f) => f.value)).toEqual(["UN"]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectIso6393, detectLanguage } from "../../src/core/ingest/detect-language.js";
import { IngestError } from "../../src/core/ingest/ingest-error.js";

const sample = readFileSync(new URL("../../samples/breton-defence-industry.fr.txt", import.meta.url), "utf8");

const EN =
  "NATO Secretary General Jens Stoltenberg met with the European Commissioner for the Internal Market, Thierry " +
  "Breton, at NATO Headquarters in Brussels on Tuesday (13 February 2024). Mr Stoltenberg stressed the importance " +
  "of NATO-EU cooperation to address shared priorities, including ramping up defence production and ensuring " +
  "long-term support for Ukraine.";
const FR =
  "Lundi (19 septembre 2025), la secrétaire générale déléguée de l’OTAN, Radmila Shekerinska, s’est entretenue " +
  "avec la ministre lituanienne de la Défense nationale, Dovilė Šakalienė, à Vilnius.";
const DE =
  "NATO-Generalsekretär Jens Stoltenberg traf am Dienstag (13. Februar 2024) im NATO-Hauptquartier in Brüssel mit " +
  "dem EU-Binnenmarktkommissar Thierry Breton zusammen. Stoltenberg betonte die Bedeutung der Zusammenarbeit " +
  "zwischen NATO und EU, um gemeinsame Prioritäten anzugehen.";
const ES =
  "El Secretario General de la OTAN, Jens Stoltenberg, se reunió el martes (13 de febrero de 2024) con el Comisario " +
  "Europeo de Mercado Interior, Thierry Breton, en la sede de la OTAN en Bruselas. Stoltenberg subrayó la " +
  "importancia de la cooperación entre la OTAN y la UE.";

function codeOf(text: string): string | undefined {
  try {
    detectLanguage(text);
    return undefined;
  } catch (error) {
    return error instanceof IngestError ? error.code : "other";
  }
}

describe("detectLanguage", () => {
  it("reads the real French sample as French", () => {
    expect(detectLanguage(sample)).toBe("fr");
  });

  it("reads English and French NATO paragraphs full of names", () => {
    expect(detectLanguage(EN)).toBe("en");
    expect(detectLanguage(FR)).toBe("fr");
  });

  it("keeps short headlines and name-heavy sentences in the right language", () => {
    // Unrestricted, franc calls these Catalan, Scots and Danish.
    expect(detectLanguage("Secretary General meets Prime Minister of Norway")).toBe("en");
    expect(detectLanguage("NATO and Ukraine hold talks in Kyiv")).toBe("en");
    expect(
      detectLanguage(
        "The exercise, Steadfast Defender 2024, involves around 90,000 troops from all 32 Allies, including Sweden.",
      ),
    ).toBe("en");
    expect(detectLanguage("Déclaration du Conseil de l'Atlantique Nord")).toBe("fr");
  });

  it("names German and Spanish instead of forcing them into English or French", () => {
    expect(detectIso6393(DE)).toBe("deu");
    expect(detectIso6393(ES)).toBe("spa");
    expect(() => detectLanguage(DE)).toThrow("The text is in German (deu); nato-brief handles English and French");
    expect(() => detectLanguage(ES)).toThrow(/Spanish \(spa\)/);
    expect(codeOf(ES)).toBe("unsupported-language");
  });

  it("names a language outside NATO's too, from its code", () => {
    const catalan =
      "El Secretari General de l'OTAN, Jens Stoltenberg, es va reunir dimarts amb el comissari europeu de Mercat " +
      "Interior, Thierry Breton, a la seu de l'OTAN a Brussel·les. Stoltenberg va subratllar la importància de la " +
      "cooperació entre l'OTAN i la UE per abordar prioritats compartides.";
    expect(detectIso6393(catalan)).toBe("cat");
  });

  it("says und for short, ambiguous text rather than guessing", () => {
    for (const text of ["NATO Summit", "Press release", "Brussels, 13 February", "Mark Rutte", "", "2024 – 2025"]) {
      expect(detectIso6393(text)).toBe("und");
    }
    expect(codeOf("Press release")).toBe("unsupported-language");
    expect(() => detectLanguage("NATO Summit")).toThrow(/too short or mostly names and numbers/);
  });
});

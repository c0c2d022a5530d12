import { afterAll, describe, expect, it } from "vitest";
import { markWords, parseAligned, parseUnits, sourceWords } from "../../src/infra/offline/apertium-stream.js";
import { MorphAnalyser } from "../../src/infra/offline/morph-analyser.js";

describe("word-bound blanks", () => {
  it("wraps each source word, escaping stream syntax around them", () => {
    const text = "NATO's [plan] aujourd'hui";
    expect(markWords(text, sourceWords(text))).toBe(
      "[[w:0]]NATO's[[/]] \\[[[w:1]]plan[[/]]\\] [[w:2]]aujourd'hui[[/]]",
    );
  });

  it("reads back which source words each output piece came from, merged ones included", () => {
    const out = "[[w:0; w:2]]Le[[/]] [[w:0; w:2]]Général[[/]] dit [[w:1]]a\\/b[[/]].[][\\n]";
    expect(parseAligned(out)).toEqual([
      { text: "Le", sources: [0, 2] },
      { text: " ", sources: [] },
      { text: "Général", sources: [0, 2] },
      { text: " dit ", sources: [] },
      { text: "a/b", sources: [1] },
      { text: ".", sources: [] },
    ]);
  });

  it("parses an analyser's units: unknown words are marked with *", () => {
    expect(parseUnits("^le/le<det>/le<prn>$ ^flanco/*flanco$[x]^a\\/b/a\\/b<n>$")).toEqual([
      { surface: "le", analyses: ["le<det>", "le<prn>"], unknown: false },
      { surface: "flanco", analyses: ["*flanco"], unknown: true },
      { surface: "a/b", analyses: ["a/b<n>"], unknown: false },
    ]);
  });
});

// Real analysers (lt-proc on the installed *.automorf.bin): skipped only without them, with the reason.
const fr = new MorphAnalyser("fr");
const es = new MorphAnalyser("es");
const installed = (await fr.available()) && (await es.available());
if (!installed) console.warn("Skipping analyser tests: no Apertium French/Spanish analyser (apertium-fr-es)");

describe.skipIf(!installed)("MorphAnalyser", () => {
  afterAll(async () => {
    await fr.close();
    await es.close();
  });

  it("tells common words, places, other names and unknown words apart", async () => {
    const classes = await fr.lookup(["dissuasion", "Bruxelles", "Jens", "disuasión", "Nord"]);
    expect(Object.fromEntries(classes)).toEqual({
      dissuasion: "common",
      Bruxelles: "place",
      Jens: "name",
      disuasión: "unknown",
      Nord: "ambiguous",
    });
  });

  it("knows a word of the other language's dictionary", async () => {
    const verdicts = await es.analyse("la disuasión en el flanco");
    expect(verdicts.every((v) => v.known)).toBe(true);
  });
});

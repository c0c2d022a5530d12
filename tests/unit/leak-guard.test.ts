import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { AlignedPiece } from "../../src/infra/offline/apertium-stream.js";
import type { AlignedTranslation } from "../../src/infra/offline/apertium-translator.js";
import { type Analysers, LeakDetector } from "../../src/infra/offline/leak-detector.js";
import { repairLeaks } from "../../src/infra/offline/leak-repair.js";
import type { Analyser, AnalyserLang, WordClass, WordVerdict } from "../../src/infra/offline/morph-analyser.js";

/** A dictionary per language: word → "common" or "name". Words it lacks are unknown, as in lt-proc. */
function fakeAnalyser(words: Record<string, "common" | "name">): Analyser {
  const verdict = (surface: string): WordVerdict => {
    const entry = words[surface] ?? words[surface.toLowerCase()];
    return {
      surface,
      known: entry !== undefined,
      name: entry === "name",
      nameOnly: entry === "name",
      placeOnly: false,
    };
  };
  return {
    available: async () => true,
    analyse: async (text) => (text.match(/[\p{L}\p{M}]+/gu) ?? []).map(verdict),
    lookup: async (list) => new Map(list.map((w) => [w, (words[w] ? words[w] : "unknown") as WordClass])),
    close: async () => {},
  };
}

const analysers: Analysers = {
  en: fakeAnalyser({
    the: "common",
    deterrence: "common",
    on: "common",
    eastern: "common",
    flank: "common",
    undersea: "common",
    cables: "common",
    north: "common",
    sea: "common",
    tempo: "common",
    Washington: "name",
  }),
  fr: fakeAnalyser({
    la: "common",
    le: "common",
    sur: "common",
    dissuasion: "common",
    flanc: "common",
    est: "common",
    oriental: "common",
    câbles: "common",
    sous: "common",
    marins: "common",
    mer: "common",
    du: "common",
    nord: "common",
  }),
  es: fakeAnalyser({ disuasión: "common", flanco: "common", sea: "common" }),
  ca: fakeAnalyser({ dissuasió: "common", flanc: "common" }),
} satisfies Record<AnalyserLang, Analyser>;
const detector = new LeakDetector(analysers);

/** An aligned translation from pieces written as [text, source indices]. */
function aligned(source: string, pieces: [string, number[]][]): AlignedTranslation {
  const words = [...source.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const list: AlignedPiece[] = pieces.map(([text, sources]) => ({ text, sources }));
  return { text: list.map((p) => p.text).join(""), words, pieces: list };
}

const retryWith = (inContext: AlignedTranslation, alone: Record<string, string> = {}) => ({
  translator: { translate: async (segments: string[], _f: Lang, _t: Lang) => segments.map((s) => alone[s] ?? s) },
  aligned: async () => inContext,
});

describe("LeakDetector", () => {
  it("finds a pivot's word and a source word left untranslated, not names or acronyms", async () => {
    const source = "Deterrence on the eastern flank, undersea cables, Dany Fortin and KFOR in Washington.";
    const output = "La disuasión sur le flanco est, undersea câbles, Dany Fortin et KFOR à Washington.";
    const leaks = await detector.find(output, source, "en", "fr");
    expect(leaks.map((l) => [l.word, l.kind])).toEqual([
      ["disuasión", "pivot"],
      ["flanco", "pivot"],
      ["undersea", "source"],
    ]);
    expect(output.slice(leaks[0]!.start, leaks[0]!.end)).toBe("disuasión");
  });

  it("does not take the letters of a designation for leaked words (F-35, A400M), in either direction", async () => {
    // « f » is a French word (the abbreviation of « franc »): the letter of "F-35" copied as written is no leak.
    const fr = fakeAnalyser({ f: "common", la: "common", m: "common" });
    const d = new LeakDetector({ ...analysers, fr, en: fakeAnalyser({ the: "common", m: "common" }) });
    expect(await d.find("Four F-35 and one A400M", "Quatre F-35 et un A400M", "fr", "en")).toEqual([]);
    expect(await d.find("Quatre F-35 et la A400M", "Four F-35 and the A400M", "en", "fr")).toEqual([]);
  });

  it("takes a word copied from the source for the source's, even when a pivot spells it the same way", async () => {
    // "Sea" is a Spanish word too ("sea", be it).
    const leaks = await detector.find("la North Sea", "the North Sea", "en", "fr");
    expect(leaks.map((l) => [l.word, l.kind])).toEqual([
      ["North", "source"],
      ["Sea", "source"],
    ]);
  });
});

describe("repairLeaks", () => {
  const source = "deterrence on the eastern flank";
  const plain = "la disuasión sur le flanco oriental";
  const main = aligned(source, [
    ["la disuasión", [0]],
    [" ", []],
    ["sur", [1]],
    [" ", []],
    ["le", [2]],
    [" ", []],
    ["flanco", [4]],
    [" ", []],
    ["oriental", [3]],
  ]);

  it("takes the other pivot's words for the same source words, in context", async () => {
    const alt = aligned(source, [
      ["la dissuasion", [0]],
      [" sur le ", []],
      ["flanc", [4]],
      [" est", [3]],
    ]);
    const leaks = await detector.find(plain, source, "en", "fr");
    const { text, repairs } = await repairLeaks(plain, leaks, {
      core: source,
      from: "en",
      to: "fr",
      detector,
      aligned: async () => main,
      retry: retryWith(alt),
    });
    // "la dissuasion" for the piece "la disuasión": the echoed "la" is not doubled.
    expect(text).toBe("la dissuasion sur le flanc oriental");
    expect(repairs.map((r) => r.outcome)).toEqual(["retried", "retried"]);
  });

  it("falls back to the source words alone through the other pivot, then to the source words in brackets", async () => {
    const alt = aligned(source, [["la dissuasió sur le flanco oriental", [0, 1, 2, 3, 4]]]);
    const leaks = await detector.find(plain, source, "en", "fr");
    const { text, repairs } = await repairLeaks(plain, leaks, {
      core: source,
      from: "en",
      to: "fr",
      detector,
      aligned: async () => main,
      retry: retryWith(alt, { deterrence: "dissuasion" }),
    });
    expect(text).toBe("la dissuasion sur le [flank] oriental");
    expect(repairs.map((r) => [r.leak.word, r.outcome, r.text])).toEqual([
      ["disuasión", "retried", "dissuasion"],
      ["flanco", "kept", "flank"],
    ]);
  });

  it("brackets neighbouring source words together, and never keeps a pivot's word without a source", async () => {
    const src = "undersea cables and the North Sea";
    const out = "undersea câbles et la North Sea extra";
    const al = aligned(src, [
      ["undersea", [0]],
      [" câbles et la ", [1, 2, 3]],
      ["North", [4]],
      [" ", []],
      ["Sea", [5]],
      [" flanco", []],
    ]);
    const leaks = await detector.find(`${out.replace("extra", "flanco")}`, src, "en", "fr");
    const { text, repairs } = await repairLeaks(out.replace("extra", "flanco"), leaks, {
      core: src,
      from: "en",
      to: "fr",
      detector,
      aligned: async () => al,
    });
    expect(text).toBe("[undersea] câbles et la [North Sea]");
    expect(repairs.find((r) => r.leak.word === "flanco")?.outcome).toBe("dropped");
  });

  it("merges adjacent kept words into one pair of brackets", async () => {
    const src = "undersea tempo";
    const al = aligned(src, [
      ["undersea", [0]],
      [" ", []],
      ["tempo", [1]],
    ]);
    const leaks = await detector.find("undersea tempo", src, "en", "fr");
    const { text } = await repairLeaks("undersea tempo", leaks, {
      core: src,
      from: "en",
      to: "fr",
      detector,
      aligned: async () => al,
    });
    expect(text).toBe("[undersea tempo]");
  });
});

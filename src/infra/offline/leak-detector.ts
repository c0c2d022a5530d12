import type { Lang } from "../../core/domain/language.js";
import type { AnalyserLang, MorphAnalyser, WordVerdict } from "./morph-analyser.js";

/** A word of a translation that is not a word of its language: a pivot's word, or the source's word left as is. */
export interface Leak {
  word: string;
  kind: "pivot" | "source";
  /** Index of the word among the output's words as the target analyser splits them. */
  index: number;
}

export type Analysers = Record<AnalyserLang, MorphAnalyser>;

const PIVOTS: readonly AnalyserLang[] = ["es", "ca"];

/**
 * Finds the words of a translation that the target language's dictionaries do not know and that are either in
 * the source as written (an untranslated source word) or words of a pivot language. Names are not leaks: a word
 * a dictionary knows only as a proper noun, or that no dictionary knows at all (Stoltenberg, a placeholder).
 */
export class LeakDetector {
  constructor(private readonly analysers: Analysers) {}

  async available(to: Lang): Promise<boolean> {
    return this.analysers[to].available();
  }

  async find(output: string, source: string, from: Lang, to: Lang): Promise<Leak[]> {
    const words = await this.analysers[to].analyse(output);
    const unknown = words.flatMap((w, index) => (w.known ? [] : [{ ...w, index }]));
    if (unknown.length === 0) return [];
    const text = unknown.map((w) => w.surface).join("\n");
    const [inSource, ...inPivots] = await Promise.all([
      this.analysers[from].analyse(text),
      ...PIVOTS.map((p) => this.analysers[p].analyse(text)),
    ]);
    const asWritten = new Set(source.match(/[\p{L}\p{M}]+/gu) ?? []);
    const lowered = new Set([...asWritten].map((w) => w.toLowerCase()));
    const commonWords = (verdicts: WordVerdict[] | undefined) =>
      new Set((verdicts ?? []).filter((v) => v.known && !v.nameOnly).map((v) => v.surface));
    const sourceCommon = commonWords(inSource);
    const pivotCommon = inPivots.map(commonWords);
    const leaks: Leak[] = [];
    for (const w of unknown) {
      const inText = asWritten.has(w.surface) || lowered.has(w.surface.toLowerCase());
      if (inText) {
        // Copied from the source: a leak when it is a common word there ("undersea", "Sea"), a name otherwise
        // ("Dany", "Exc"), even when a pivot happens to have a word spelt the same way.
        if (sourceCommon.has(w.surface)) leaks.push({ word: w.surface, kind: "source", index: w.index });
      } else if (pivotCommon.some((s) => s.has(w.surface))) {
        leaks.push({ word: w.surface, kind: "pivot", index: w.index });
      } else if (sourceCommon.has(w.surface)) leaks.push({ word: w.surface, kind: "source", index: w.index });
    }
    return leaks;
  }
}

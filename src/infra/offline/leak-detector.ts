import type { Lang } from "../../core/domain/language.js";
import { type Analyser, type AnalyserLang, SEPARATOR, type WordVerdict } from "./morph-analyser.js";

/** A word of a translation that is not a word of its language: a pivot's word, or the source's word left as is. */
export interface Leak {
  word: string;
  kind: "pivot" | "source";
  /** Where the word stands in the output text. */
  start: number;
  end: number;
}

export type Analysers = Record<AnalyserLang, Analyser>;

const PIVOTS: readonly AnalyserLang[] = ["es", "ca"];

/**
 * Finds the words of a translation that the target language's dictionaries do not know and that are either the
 * source's words left as written or words of a pivot language. Names are not leaks: a word copied from the source
 * that the source's dictionary does not have as a common word (Stoltenberg, Dany), or a word no dictionary has.
 */
export class LeakDetector {
  constructor(private readonly analysers: Analysers) {}

  async available(to: Lang): Promise<boolean> {
    return this.analysers[to].available();
  }

  async find(output: string, source: string, from: Lang, to: Lang): Promise<Leak[]> {
    const words = located(output, await this.analysers[to].analyse(output));
    // Acronyms (DC, KFOR, CMC) are names in both languages, and so are the letters of a designation (F-35, A400M).
    const unknown = words.filter(
      (w) => !w.known && !/^\p{Lu}{2,}$/u.test(w.surface) && !inDesignation(output, w.start, w.end),
    );
    if (unknown.length === 0) return [];
    const text = [...new Set(unknown.map((w) => w.surface))].join(SEPARATOR);
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
      const leak = (kind: Leak["kind"]) => leaks.push({ word: w.surface, kind, start: w.start, end: w.end });
      if (asWritten.has(w.surface) || lowered.has(w.surface.toLowerCase())) {
        // Copied from the source: a leak when it is a common word there ("undersea", "Sea"), a name otherwise
        // ("Dany"), even when a pivot happens to have a word spelt the same way.
        if (sourceCommon.has(w.surface)) leak("source");
      } else if (pivotCommon.some((s) => s.has(w.surface))) leak("pivot");
      else if (sourceCommon.has(w.surface)) leak("source");
    }
    return leaks;
  }
}

/** Whether the letters at [start, end) touch a figure, directly or across a hyphen: "F" of "F-35", "M" of "A400M". */
function inDesignation(text: string, start: number, end: number): boolean {
  return (
    /^[-‐‑]?\p{N}/u.test(text.slice(end, end + 2)) || /\p{N}[-‐‑]?$/u.test(text.slice(Math.max(0, start - 2), start))
  );
}

/** The analyser's words with their offsets: it keeps the text's order and spelling, so a forward search finds them. */
function located(text: string, words: WordVerdict[]): (WordVerdict & { start: number; end: number })[] {
  let at = 0;
  return words.flatMap((w) => {
    const start = text.indexOf(w.surface, at);
    if (start < 0) return [];
    at = start + w.surface.length;
    return [{ ...w, start, end: at }];
  });
}

import type { Lang } from "../domain/language.js";
import { findQuantities } from "../text/quantities.js";
import { Coverage } from "./coverage.js";
import type { Moment } from "./moments.js";
import { findNumberWords } from "./number-words.js";

/** A figure as a reader compares it: its value with magnitude applied, and its unit or currency if any. */
export interface Figure {
  raw: string;
  start: number;
  end: number;
  /** 4.2e9 for "€4.2 billion", 11 for « onze ». */
  value: number;
  /** The number as written, before magnitude (4.2). */
  base: number;
  unit?: string | undefined;
  /** true when written with a magnitude word ("billion", « milliards », "bn"). */
  scaled: boolean;
}

/**
 * Codes that carry digits but are names, not figures: "F-35A", "A400M", "SNMG2", "TCG-2". Units glued to a number
 * ("155mm", "$10bn") and ordinals ("147th", « 2e ») are figures, read by the quantity reader.
 */
// Bounded on purpose: a code is short, and unbounded look-aheads would rescan "a-a-a-…" from every word.
const CODE =
  /(?<![\p{L}\p{N}-])(?=[\p{L}\p{N}-]{0,40}\p{L})(?=[\p{L}\p{N}-]{0,40}\p{N})[\p{L}\p{N}]{1,20}(?:-[\p{L}\p{N}]{1,20}){0,3}(?![\p{L}\p{N}])/gu;
const FIGURE_LIKE =
  /^(?:[$€£]|US\$|EUR|USD|GBP)?\d+(?:[.,]\d+)?(?:mm|cm|km|kg|bn|mn|m|b|k|st|nd|rd|th|e|er|re|ère|ème|es|s|%)?$/iu;

export function findCodes(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(CODE)) {
    if (FIGURE_LIKE.test(m[0]) || /^\d+-\p{L}+$/u.test(m[0])) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Round away binary noise: 4.2 × 1e9 must equal 4.2e9. */
export function valueKey(n: number): number {
  return Number(n.toPrecision(10));
}

/** Every figure of `text` outside the given moments (their digits are dates and times) and outside codes. */
export function findFigures(text: string, lang: Lang, moments: Moment[]): Figure[] {
  // Masked with spaces unit for unit (UTF-16), so offsets stay those of `text`.
  const units = text.split("");
  for (const m of moments) for (let i = m.start; i < m.end; i++) units[i] = " ";
  for (const c of findCodes(text)) for (let i = c.start; i < c.end; i++) units[i] = " ";
  const clean = units.join("");
  const out: Figure[] = [];
  for (const q of findQuantities(clean, lang)) {
    out.push({
      raw: text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      value: valueKey(q.value),
      base: valueKey(q.base),
      unit: q.unit,
      scaled: q.magnitude !== undefined,
    });
  }
  const taken = new Coverage(text.length);
  for (const f of out) taken.take(f.start, f.end, 0);
  for (const w of findNumberWords(clean, lang)) {
    if (!taken.free(w.start, w.end)) continue;
    out.push({ raw: w.raw, start: w.start, end: w.end, value: w.value, base: w.value, scaled: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

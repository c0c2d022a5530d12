import type { Lang } from "../../../core/domain/language.js";
import type { ProtectedSpan } from "../protect.js";
import { SpanSet } from "./span-set.js";

const GROUPED: Record<Lang, RegExp> = {
  en: /(?<![\p{N},.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{N}]|[.,]\d)/gu,
  fr: /(?<![\p{N},])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\p{N}]|,\d)/gu,
};
const DECIMAL: Record<Lang, RegExp> = {
  en: /(?<![\p{N},.])\d+\.\d+(?![\p{N}]|[.,]\d)/gu,
  fr: /(?<![\p{N},])\d+,\d+(?![\p{N}]|,\d)/gu,
};

/**
 * Plain figures MT passes through as written: "20,000" reads as twenty in French, "3,2" as a list in English.
 * Each is written the target language's way: "20 000" and "3,2" in French, "20,000" and "3.2" in English.
 */
export function numberSpans(text: string, from: Lang, to: Lang): ProtectedSpan[] {
  if (from === to) return [];
  const spans = new SpanSet();
  for (const re of [GROUPED[from], DECIMAL[from]]) {
    for (const m of text.matchAll(re)) {
      spans.add({ start: m.index, end: m.index + m[0].length, replacement: convert(m[0], from) });
    }
  }
  return spans.list();
}

function convert(n: string, from: Lang): string {
  if (from === "en") return n.replace(/,/g, "\u00a0").replace(/\.(?=\d+$)/, ",");
  return n.replace(/[ \u00a0\u202f]/g, ",").replace(/,(?=\d+$)/, (c, at: number, all: string) =>
    // The last comma is a decimal one when the group after it is not three digits ("3,2" but "20,000").
    all.length - at - 1 === 3 && /[ \u00a0\u202f]/.test(n) ? c : ".",
  );
}

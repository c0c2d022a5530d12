/** A part of the source text that machine translation must not touch, and what to put in its place after. */
export interface ProtectedSpan {
  start: number;
  end: number;
  replacement: string;
}

export interface ProtectedText {
  /** The source with each kept span replaced by a placeholder token. */
  text: string;
  /** Puts each span's replacement back into the translated text. */
  restore(translated: string): string;
  /** Replacements whose placeholder the translation lost or mangled, in source order. */
  missing(translated: string): string[];
  /** Every replacement, in source order: text that came by rule, not from MT. */
  replacements: string[];
}

// Uppercase letters around a number: Apertium sees unknown words and a number, which every pair passes through
// unchanged (checked for fr-es|spa-eng and eng-spa|es-fr, next to punctuation, elisions and at sentence start).
const SUFFIX = "ZX";
const SEPARATOR = String.raw`[\s(),;:«»"“”'’\-–—]*`;

/**
 * Replaces spans by placeholders so names, numbers and glossary terms survive machine translation.
 * Overlapping spans: the longest wins, then the earliest.
 */
export function protectSpans(text: string, spans: readonly ProtectedSpan[]): ProtectedText {
  for (const span of spans) {
    if (!(span.start >= 0 && span.start < span.end && span.end <= text.length)) {
      throw new Error(`Invalid span ${span.start}..${span.end} for a text of ${text.length} characters`);
    }
  }
  const kept = resolveOverlaps(spans);
  const prefix = uniquePrefix(text);
  const token = (i: number) => `${prefix}${i}${SUFFIX}`;

  let out = "";
  let at = 0;
  kept.forEach((span, i) => {
    out += text.slice(at, span.start) + token(i);
    at = span.end;
  });
  out += text.slice(at);

  // Tolerant of what MT might do to a token: a changed case or a space slipped in before or after the number.
  const placeholder = String.raw`${anyCase(prefix)}\s?(\d+)\s?${anyCase(SUFFIX)}`;
  const lowerAfter = leadingIndices(out, placeholder, String.raw`\p{Ll}`);

  const found = (translated: string): Set<number> =>
    new Set([...translated.matchAll(new RegExp(placeholder, "gu"))].map((m) => Number(m[1])));

  return {
    text: out,
    replacements: kept.map((k) => k.replacement),
    restore(translated) {
      const recased = undoCapitalisation(translated, placeholder, lowerAfter);
      return recased.replace(
        new RegExp(placeholder, "gu"),
        (whole, n: string) => kept[Number(n)]?.replacement ?? whole,
      );
    },
    missing(translated) {
      const seen = found(translated);
      return kept.flatMap((span, i) => (seen.has(i) ? [] : [span.replacement]));
    },
  };
}

// Case-insensitive by hand: the `i` flag would also make \p{Lu} match lowercase letters.
function anyCase(word: string): string {
  return [...word].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join("");
}

function resolveOverlaps(spans: readonly ProtectedSpan[]): ProtectedSpan[] {
  const bySize = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ProtectedSpan[] = [];
  for (const span of bySize) {
    if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// A prefix the text does not already contain, so restore() can never replace the author's own words.
function uniquePrefix(text: string): string {
  const lower = text.toLowerCase();
  let prefix = "ZXQ";
  while (lower.includes(prefix.toLowerCase())) prefix += "Q";
  return prefix;
}

/** Indices of placeholders that open a sentence and are followed (after other placeholders) by `letter`. */
function leadingIndices(text: string, placeholder: string, letter: string): Set<number> {
  const re = new RegExp(`${sentenceOpening(placeholder)}(?=${letter})`, "gu");
  return new Set([...text.matchAll(re)].map((m) => Number(m[2])));
}

/** Start of a sentence, its leading placeholders and what separates them; group 1 is all of it, group 2 the first index. */
function sentenceOpening(placeholder: string): string {
  const rest = placeholder.replace("(\\d+)", "\\d+");
  return String.raw`((?:^|[.!?…]\s+|\n\s*)${SEPARATOR}${placeholder}(?:${SEPARATOR}${rest})*${SEPARATOR}\s+)`;
}

/**
 * Apertium capitalises the first word it translates in a sentence: when the sentence opens with a placeholder
 * (an unknown word to it), the next word comes out capitalised ("ZXQ0ZX Has signed"). Lowercase it again when
 * the source had a lowercase word there.
 */
function undoCapitalisation(translated: string, placeholder: string, lowerInSource: Set<number>): string {
  if (lowerInSource.size === 0) return translated;
  // A capital then lowercase letters, or a one-letter word (French "A" for "a"), but never English "I".
  const re = new RegExp(String.raw`${sentenceOpening(placeholder)}(?!I[^\p{L}])(\p{Lu})(?=\p{Ll}|[^\p{L}]|$)`, "gu");
  return translated.replace(re, (whole, lead: string, first: string, capital: string) =>
    lowerInSource.has(Number(first)) ? lead + capital.toLowerCase() : whole,
  );
}

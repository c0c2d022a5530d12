/**
 * Apertium's stream format (https://wiki.apertium.org/wiki/Apertium_stream_format): what we write into a
 * pipeline and read back. Word-bound blanks (`[[w:3]]word[[/]]`) travel with the word through every stage, so a
 * word of the output can be traced back to the source word(s) it came from.
 */

// Ends each segment: a superblank that Apertium copies to the output, which flushes the last word.
export const END_BLANK = "[][\\n]";

/** Escapes text for the Apertium stream format, where these characters are syntax. */
export function escapeStream(text: string): string {
  return text.replace(/[\\[\]^$@/<>{}]/g, (c) => `\\${c}`);
}

/** Undoes stream escapes and drops superblanks (`[...]`, `[[...]]`) from one output segment. */
export function unescapeStream(output: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < output.length; i++) {
    const c = output[i];
    if (c === "\\" && i + 1 < output.length) {
      i++;
      if (depth === 0) out += output[i];
    } else if (c === "[") depth++;
    else if (c === "]" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** A word of the source as sent, and where it stands in the source text. */
export interface SourceWord {
  text: string;
  start: number;
  end: number;
}

// Letters with their inner apostrophes and hyphens ("aujourd'hui", "Euro-Atlantic"), or a run of digits.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** The source words of a text, in order. */
export function sourceWords(text: string): SourceWord[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The text in the stream format with each word inside a word-bound blank carrying its index. */
export function markWords(text: string, words: readonly SourceWord[]): string {
  let out = "";
  let at = 0;
  words.forEach((w, i) => {
    out += `${escapeStream(text.slice(at, w.start))}[[w:${i}]]${escapeStream(w.text)}[[/]]`;
    at = w.end;
  });
  return out + escapeStream(text.slice(at));
}

/** A run of output text, with the indices of the source words it came from (none for inserted text). */
export interface AlignedPiece {
  text: string;
  sources: number[];
}

/**
 * Splits one output frame into pieces: text inside a word-bound blank keeps the source indices it carries
 * (`[[w:0; w:2]]` when a rule merged words), other text has none. Plain superblanks are dropped.
 */
export function parseAligned(output: string): AlignedPiece[] {
  const pieces: AlignedPiece[] = [];
  const push = (text: string, sources: number[]) => {
    if (!text) return;
    const last = pieces.at(-1);
    if (last && last.sources.length === 0 && sources.length === 0) last.text += text;
    else pieces.push({ text, sources });
  };
  let i = 0;
  let plain = "";
  while (i < output.length) {
    if (output.startsWith("[[", i) && !output.startsWith("[[/]]", i)) {
      const close = output.indexOf("]]", i + 2);
      const end = close < 0 ? -1 : output.indexOf("[[/]]", close + 2);
      if (close >= 0 && end >= 0) {
        push(unescapeStream(plain), []);
        plain = "";
        const sources = [...output.slice(i + 2, close).matchAll(/w:(\d+)/g)].map((m) => Number(m[1]));
        push(unescapeStream(output.slice(close + 2, end)), [...new Set(sources)]);
        i = end + 5;
        continue;
      }
    }
    if (output[i] === "\\" && i + 1 < output.length) {
      plain += output.slice(i, i + 2);
      i += 2;
      continue;
    }
    plain += output[i];
    i++;
  }
  push(unescapeStream(plain), []);
  return pieces;
}

/** One lexical unit of an analyser's output (`^surface/analysis1/analysis2$`). */
export interface LexicalUnit {
  surface: string;
  analyses: string[];
  /** The analyser knows no such word (`^word/*word$`). */
  unknown: boolean;
}

/** The lexical units of `lt-proc` analysis output, in order; blanks between them are skipped. */
export function parseUnits(output: string): LexicalUnit[] {
  const units: LexicalUnit[] = [];
  let i = 0;
  let depth = 0;
  while (i < output.length) {
    const c = output[i];
    if (c === "\\") i += 2;
    else if (c === "[") {
      depth++;
      i++;
    } else if (c === "]") {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === "^" && depth === 0) {
      const parts: string[] = [];
      let part = "";
      i++;
      while (i < output.length && output[i] !== "$") {
        if (output[i] === "\\" && i + 1 < output.length) {
          part += output[i + 1];
          i += 2;
        } else if (output[i] === "/") {
          parts.push(part);
          part = "";
          i++;
        } else part += output[i++];
      }
      parts.push(part);
      i++;
      const [surface = "", ...analyses] = parts;
      units.push({ surface, analyses, unknown: analyses.length === 0 || analyses.every((a) => a.startsWith("*")) });
    } else i++;
  }
  return units;
}

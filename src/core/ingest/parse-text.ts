import { extractPublishedDate } from "./extract-date.js";

export interface ParsedText {
  title: string;
  paragraphs: string[];
  /** YYYY-MM-DD, the first full date written in the text. */
  published?: string;
}

export interface ParseTextOptions {
  /** Kept for callers that parse text fetched from a page; plain text carries no URL of its own. */
  url?: string;
  /** A known title: the text is then all body, minus a first line repeating the title. */
  title?: string;
}

const MAX_TITLE_LINE = 300;
const MAX_SENTENCE_TITLE = 120;

/**
 * Plain release text → title and paragraphs: the first non-empty line is the title when it reads like one
 * (no final period, under 300 characters); otherwise the text starts with body and the title is its first
 * sentence, shortened. Each further non-empty line is one paragraph.
 */
export function parseReleaseText(raw: string, opts: ParseTextOptions = {}): ParsedText {
  const lines = normalizeText(raw)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const [first = "", ...rest] = lines;
  const given =
    opts.title === undefined
      ? ""
      : normalizeText(opts.title)
          .replace(/[ \t\n]+/gu, " ")
          .trim();

  let title: string;
  let paragraphs: string[];
  if (given !== "") {
    title = given;
    paragraphs = first === given ? rest : lines;
  } else if (looksLikeTitle(first)) {
    title = first;
    paragraphs = rest;
  } else {
    title = titleFromSentence(first);
    paragraphs = lines;
  }

  const published = extractPublishedDate(lines.join("\n"));
  return published ? { title, paragraphs, published } : { title, paragraphs };
}

/**
 * NFC, Unix newlines, runs of spaces and tabs collapsed. Control and zero-width characters go: they come from
 * copy-paste out of PDFs and word processors and would make the same release hash differently. Typographic
 * characters (’ « » – — and the non-breaking spaces French puts before « : ; ») stay as written.
 */
export function normalizeText(raw: string): string {
  return (
    raw
      .normalize("NFC")
      .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/gu, "\n")
      .replace(/\t/gu, " ")
      // Soft hyphens are invisible but split words for search and the fact guard.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
      .replace(/[\u0000-\u0009\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/gu, "")
      .replace(/ {2,}/gu, " ")
  );
}

function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length < MAX_TITLE_LINE && !/[.…]$/u.test(line);
}

/** Abbreviations whose period does not end a sentence: "M. Stoltenberg", "Gen. Cavoli", "19 Sep. 2025". */
const ABBREVIATIONS = new Set(
  ["m", "mm", "mr", "mrs", "ms", "mme", "mmes", "mlle", "dr", "st", "ste", "gen", "gén", "lt", "col", "adm", "cdr"]
    .concat(["capt", "sgt", "prof", "no", "nos", "vol", "etc", "vs", "cf", "p", "pp", "art", "al", "approx"])
    .concat(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]),
);

/** The first sentence of a text, without its final period, cut on a word boundary near 120 characters. */
export function titleFromSentence(text: string): string {
  const sentence = firstSentence(text.replace(/[ \t\n]+/gu, " ").trim()).replace(/[.]$/u, "");
  if (sentence.length <= MAX_SENTENCE_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_TITLE + 1);
  const space = cut.lastIndexOf(" ");
  const head = space > MAX_SENTENCE_TITLE / 2 ? cut.slice(0, space) : sentence.slice(0, MAX_SENTENCE_TITLE);
  return `${head.replace(/[\s,;:–—-]+$/u, "")}…`;
}

function firstSentence(text: string): string {
  // An end is . ! ? or … (maybe followed by a closing quote or bracket), then a space and a capital or opening quote.
  const ends = /[.!?…]["»”’)]*(?=\s+["«“(]?\p{Lu})/gu;
  for (const match of text.matchAll(ends)) {
    const before = text.slice(0, match.index);
    const word = /([\p{L}]+)$/u.exec(before)?.[1] ?? "";
    if (match[0].startsWith(".") && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) continue;
    return text.slice(0, match.index + match[0].length);
  }
  return text;
}

import type { Lang } from "../domain/language.js";

const FRENCH_MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

const ENGLISH_MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  // nato.int's legacy pages write "19 Sep. 2025".
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Letters on neither side, so "mai" never matches inside "maintain" nor "2024" inside "120245". */
const L = "(?<![\\p{L}\\p{N}])";
const R = "(?![\\p{L}\\p{N}])";
const names = (months: Record<string, number>) =>
  Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .join("|");

interface DatePattern {
  regex: RegExp;
  /** Year, month, day from a match. */
  parts(match: RegExpExecArray): [string, number | undefined, string];
}

const FRENCH: DatePattern = {
  // "13 février 2024", "1er mars 2025"
  regex: new RegExp(`${L}(\\d{1,2}|1er|1ᵉʳ)\\s+(${names(FRENCH_MONTHS)})\\s+(\\d{4})${R}`, "giu"),
  parts: (m) => [m[3] ?? "", FRENCH_MONTHS[(m[2] ?? "").toLowerCase()], (m[1] ?? "").replace(/\D/gu, "")],
};

const ENGLISH: DatePattern[] = [
  {
    // "13 February 2024", "19 Sep. 2025", "1st March 2025"
    regex: new RegExp(`${L}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${names(ENGLISH_MONTHS)})\\.?,?\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [m[3] ?? "", ENGLISH_MONTHS[(m[2] ?? "").toLowerCase()], m[1] ?? ""],
  },
  {
    // "February 13, 2024"
    regex: new RegExp(`${L}(${names(ENGLISH_MONTHS)})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [m[3] ?? "", ENGLISH_MONTHS[(m[1] ?? "").toLowerCase()], m[2] ?? ""],
  },
];

const ISO: DatePattern = {
  // "2024-02-13", also the date part of "2024-02-13T09:00:00Z"
  regex: /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu,
  parts: (m) => [m[1] ?? "", Number(m[2]), m[3] ?? ""],
};

/**
 * The first full date (day, month and year) written in the text, as YYYY-MM-DD; undefined when there is none.
 * Impossible dates such as 31 February are not dates and are skipped. With `lang`, only that language's
 * month names count (ISO dates always do).
 */
export function extractPublishedDate(text: string, lang?: Lang): string | undefined {
  return findDates(text, lang)[0]?.date;
}

export interface DateMatch {
  date: string;
  /** Where the date is written in the NFC form of the text. */
  index: number;
  length: number;
}

/** Every valid full date in the text, in reading order. */
export function findDates(text: string, lang?: Lang): DateMatch[] {
  const patterns = [ISO, ...(lang === "en" ? [] : [FRENCH]), ...(lang === "fr" ? [] : ENGLISH)];
  const normalized = text.normalize("NFC");
  const found: DateMatch[] = [];
  for (const pattern of patterns) {
    for (const match of normalized.matchAll(pattern.regex)) {
      const date = toIsoDate(...pattern.parts(match));
      if (date) found.push({ date, index: match.index, length: match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** YYYY-MM-DD when the parts name a real calendar day, else undefined. */
export function toIsoDate(year: string, month: number | undefined, day: string): string | undefined {
  const y = Number(year);
  const d = Number(day);
  if (!month || !Number.isInteger(y) || !Number.isInteger(d) || month < 1 || month > 12 || d < 1) return undefined;
  const utc = new Date(Date.UTC(y, month - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

import type { Lang } from "../domain/language.js";

/**
 * Calendar dates written in a release: "13 février 2024", "1er mars 2025", "February 13, 2024",
 * "19 Sep. 2025" (nato.int's legacy pages), "2024-02-13", and month-year mentions ("janvier 2023").
 * The one date reader of the project: ingest takes the publication date from it, the fact guard and the
 * summariser count dates with it, offline translation renders them in the other language with it.
 */
export interface DateMention {
  raw: string;
  start: number;
  end: number;
  day?: number | undefined;
  /** 1–12 */
  month: number;
  year: number;
}

const MONTHS: Record<Lang, string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
};

// Spellings accepted when reading, per language: full names, unaccented French, English abbreviations.
const READ: Record<Lang, Record<string, number>> = {
  en: {
    ...Object.fromEntries(MONTHS.en.map((m, i) => [m.toLowerCase(), i + 1])),
    ...{ jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 },
  },
  fr: {
    ...Object.fromEntries(MONTHS.fr.map((m, i) => [m, i + 1])),
    ...{ fevrier: 2, aout: 8, decembre: 12 },
  },
};

/** Letters or digits on neither side, so "mai" never matches inside "maintain" nor "2024" inside "120245". */
const L = "(?<![\\p{L}\\p{N}])";
const R = "(?![\\p{L}\\p{N}])";
const alternatives = (months: Record<string, number>) =>
  Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .join("|");

interface Pattern {
  lang?: Lang;
  regex: RegExp;
  /** [year, month, day?] from a match. */
  parts(m: RegExpExecArray): [number, number | undefined, number | undefined];
}

const month = (lang: Lang, word: string | undefined) => READ[lang][(word ?? "").toLowerCase()];

const PATTERNS: Pattern[] = [
  {
    // "2024-02-13", also the date part of "2024-02-13T09:00:00Z"
    regex: /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?!\p{N})/gu,
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    lang: "fr",
    regex: new RegExp(`${L}(\\d{1,2}|1er|1ᵉʳ)\\s+(${alternatives(READ.fr)})\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [Number(m[3]), month("fr", m[2]), Number((m[1] ?? "").replace(/\D/gu, ""))],
  },
  {
    lang: "en",
    regex: new RegExp(`${L}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${alternatives(READ.en)})\\.?,?\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [Number(m[3]), month("en", m[2]), Number(m[1])],
  },
  {
    lang: "en",
    regex: new RegExp(`${L}(${alternatives(READ.en)})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [Number(m[3]), month("en", m[1]), Number(m[2])],
  },
  // Month and year without a day come last: a full date that covers them wins.
  {
    lang: "fr",
    regex: new RegExp(`${L}(${alternatives(READ.fr)})\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [Number(m[2]), month("fr", m[1]), undefined],
  },
  {
    lang: "en",
    regex: new RegExp(`${L}(${alternatives(READ.en)})\\.?\\s+(\\d{4})${R}`, "giu"),
    parts: (m) => [Number(m[2]), month("en", m[1]), undefined],
  },
];

function valid(year: number, month: number, day?: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || year < 1900 || year > 2200) return false;
  if (day === undefined) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Every valid date mention in reading order, without overlaps; impossible dates (31 February) are skipped.
 * With `lang`, only that language's month names count (ISO dates always do). Offsets are into `text`
 * normalised to NFC (the form ingest stores).
 */
export function findDates(text: string, lang?: Lang): DateMention[] {
  const normalized = text.normalize("NFC");
  const found: DateMention[] = [];
  // Characters already inside a found date: the overlap check costs the match's length, not the count of dates
  // found so far (which made a text of many dates quadratic).
  const taken = new Uint8Array(normalized.length);
  const overlaps = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return true;
    return false;
  };
  for (const pattern of PATTERNS) {
    if (lang && pattern.lang && pattern.lang !== lang) continue;
    for (const m of normalized.matchAll(pattern.regex)) {
      const [year, mo, day] = pattern.parts(m);
      if (mo === undefined || !valid(year, mo, day)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      taken.fill(1, start, end);
      found.push({ raw: m[0], start, end, day, month: mo, year });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const DAY_MONTH: Record<Lang, RegExp[]> = {
  // « le 29 octobre », « 1er mars »
  fr: [new RegExp(`${L}(?:[1-9]|[12]\\d|3[01]|1er|1ᵉʳ)\\s+(?:${alternatives(READ.fr)})${R}`, "iu")],
  // "29 October", "October 29th": English writes its months with a capital ("may" is a verb).
  en: [
    new RegExp(`${L}(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:${capitalised(READ.en)})\\.?${R}`, "u"),
    new RegExp(`${L}(?:${capitalised(READ.en)})\\.?\\s+(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?${R}`, "u"),
  ],
};

function capitalised(months: Record<string, number>): string {
  return Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .map((m) => m.charAt(0).toUpperCase() + m.slice(1))
    .join("|");
}

/**
 * Whether the text names a day of a month, with its year or without ("on 29 October", « le 29 octobre »): a release
 * often leaves the year of an event to its publication date, and the day still says when.
 */
export function mentionsDay(text: string, lang: Lang): boolean {
  const normalized = text.normalize("NFC");
  return findDates(normalized, lang).length > 0 || DAY_MONTH[lang].some((r) => r.test(normalized));
}

export function renderDate(d: Pick<DateMention, "day" | "month" | "year">, lang: Lang): string {
  const name = MONTHS[lang][d.month - 1];
  if (d.day === undefined) return `${name} ${d.year}`;
  const day = lang === "fr" && d.day === 1 ? "1er" : String(d.day);
  return `${day} ${name} ${d.year}`;
}

/** YYYY-MM-DD for a full date; undefined for a month-year mention. */
export function isoDate(d: Pick<DateMention, "day" | "month" | "year">): string | undefined {
  if (d.day === undefined) return undefined;
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

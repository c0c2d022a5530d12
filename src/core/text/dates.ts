import type { Lang } from "../domain/language.js";

/** A calendar date written in a release: "13 février 2024", "February 13, 2024", "janvier 2023", "19 Sep. 2025". */
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

// Full and abbreviated month names of both languages, longest first so "septembre" wins over "sept".
const MONTH_ALTERNATIVES: [string, number][] = (
  [
    ...MONTHS.en.map((m, i): [string, number] => [m, i + 1]),
    ...MONTHS.fr.map((m, i): [string, number] => [m, i + 1]),
    ...["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"].map(
      (m): [string, number] => [
        `${m}.?`,
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(m.slice(0, 3)) + 1,
      ],
    ),
    ["fevrier", 2],
    ["aout", 8],
    ["decembre", 12],
    ["janv\\.?", 1],
    ["févr\\.?", 2],
    ["avr\\.?", 4],
    ["juil\\.?", 7],
    ["déc\\.?", 12],
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length);

const MONTH_RE = MONTH_ALTERNATIVES.map(([m]) => m).join("|");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_RE})\\s+(\\d{4})\\b`, "giu");
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "giu");
const MONTH_YEAR = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, "giu");
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  for (const [pattern, n] of MONTH_ALTERNATIVES) if (new RegExp(`^(?:${pattern})$`, "iu").test(w)) return n;
  return undefined;
}

function valid(year: number, month: number, day?: number): boolean {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return false;
  if (day === undefined) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Every valid date mention, in text order, without overlaps. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const add = (m: RegExpExecArray, day: string | undefined, month: string, year: string) => {
    const mo = monthNumber(month);
    const d = day === undefined ? undefined : Number(day);
    if (mo === undefined || !valid(Number(year), mo, d)) return;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ raw: m[0], start, end, day: d, month: mo, year: Number(year) });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, m[1], m[2]!, m[3]!);
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, m[2], m[1]!, m[3]!);
  for (const m of text.matchAll(ISO)) {
    const [, y, mo, d] = m;
    if (valid(Number(y), Number(mo), Number(d))) {
      found.push({
        raw: m[0],
        start: m.index,
        end: m.index + m[0].length,
        day: Number(d),
        month: Number(mo),
        year: Number(y),
      });
    }
  }
  for (const m of text.matchAll(MONTH_YEAR)) add(m, undefined, m[1]!, m[2]!);
  return found.sort((a, b) => a.start - b.start);
}

export function renderDate(d: Pick<DateMention, "day" | "month" | "year">, lang: Lang): string {
  const month = MONTHS[lang][d.month - 1];
  if (d.day === undefined) return `${month} ${d.year}`;
  const day = lang === "fr" && d.day === 1 ? "1er" : String(d.day);
  return `${day} ${month} ${d.year}`;
}

export function isoDate(d: Pick<DateMention, "day" | "month" | "year">): string | undefined {
  if (d.day === undefined) return undefined;
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

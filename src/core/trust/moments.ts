import type { Lang } from "../domain/language.js";
import { findDates } from "../text/dates.js";
import { Coverage } from "./coverage.js";

/**
 * Dates, clock times and weekdays as facts, in either language: "24–25 June 2025" and « les 24 et 25 juin 2025 »
 * are two days of one month; "13:00", « 13 h » and "1 pm" are one time; "Monday" and « lundi » one weekday.
 * A mention keeps its span, so the figure reader skips the digits it used.
 */
export interface DateFact {
  day?: number | undefined;
  month?: number | undefined;
  year?: number | undefined;
}

export interface Moment {
  raw: string;
  start: number;
  end: number;
  kind: "date" | "time" | "weekday";
  date?: DateFact;
  /** Minutes after midnight, for a time. */
  minutes?: number;
  /** 0 = Sunday … 6 = Saturday, for a weekday. */
  weekday?: number;
}

const MONTHS: Record<Lang, string[]> = {
  en: "january february march april may june july august september october november december".split(" "),
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
};
const MONTH_INDEX = new Map<string, number>();
for (const lang of ["en", "fr"] as const) {
  MONTHS[lang].forEach((m, i) => {
    MONTH_INDEX.set(m, i + 1);
  });
}
for (const [m, i] of Object.entries({ fevrier: 2, aout: 8, decembre: 12, sept: 9, sep: 9, oct: 10, nov: 11, dec: 12 }))
  MONTH_INDEX.set(m, i);
for (const [m, i] of Object.entries({ jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8 })) MONTH_INDEX.set(m, i);

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

const MONTH_WORD = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join("|");
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|ᵉʳ)?";
const LINK = "\\s*(?:-|–|—|to|and|au|et|&)\\s*";
// "21 to 24 April 2026", « du 21 au 24 avril 2026 », "24 and 25 June", "24–25 June 2025"
const RANGE = new RegExp(`${B}${DAY}${LINK}${DAY}\\s+(${MONTH_WORD})\\.?(?:,?\\s+(\\d{4}))?${E}`, "giu");
// "20 March", « le 1er août » (a year, when present, was read by findDates first)
const DAY_MONTH = new RegExp(`${B}${DAY}\\s+(${MONTH_WORD})\\.?${E}`, "giu");
// "March 20", "April 21–24"
const MONTH_DAY = new RegExp(`${B}(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:${LINK}(\\d{1,2}))?${E}`, "giu");
const MONTH_ALONE = new RegExp(`${B}(${MONTH_WORD})${E}`, "giu");
const YEAR = /(?<![\p{L}\p{N},.])(1[89]\d{2}|20\d{2}|21\d{2})(?![\p{N}]|[,.]\d)/gu;
const WEEKDAY = new RegExp(`${B}(${Object.keys(WEEKDAYS).join("|")})s?${E}`, "giu");
// "13:00", "10.30 am", "1 pm", "1:30 p.m.", « 13 h », « 13 h 30 », « 13h00 »
// « à 11 heures », « vers 9 heures 30 »: a time only after « à », « vers » or « dès » ("pendant 11 heures" is a span).
const FRENCH_HOURS = /(?<=(?<!\p{L})(?:[àÀ]|vers|dès)\s+)(\d{1,2})\s+heures?(?:\s+(\d{2}))?(?![\p{L}\p{N}])/gu;
const TIME = new RegExp(
  `${B}(\\d{1,2})(?:(?:[:.](\\d{2}))\\s*(a\\.?m\\.?|p\\.?m\\.?)?|\\s*(a\\.?m\\.?|p\\.?m\\.?)|\\s?h(?:\\s?(\\d{2}))?)(?![\\p{L}\\p{N}])`,
  "giu",
);

/** Every date, time and weekday mention, in reading order, without overlaps. */
export function findMoments(text: string): Moment[] {
  const t = text.normalize("NFC");
  const out: Moment[] = [];
  const taken = new Coverage(t.length);
  const free = (s: number, e: number) => taken.free(s, e);
  const push = (m: Moment) => {
    if (!free(m.start, m.end)) return;
    taken.take(m.start, m.end, out.length);
    out.push(m);
  };
  for (const m of t.matchAll(RANGE)) {
    const month = MONTH_INDEX.get((m[3] ?? "").toLowerCase());
    if (!month || !capitalisedIfEnglish(m[3] ?? "")) continue;
    const year = m[4] ? Number(m[4]) : undefined;
    const at = m.index;
    // Two facts of one mention: the span is given to the first so the figures reader skips both days.
    if (!free(at, at + m[0].length)) continue;
    taken.take(at, at + m[0].length, out.length);
    out.push({ raw: m[0], start: at, end: at + m[0].length, kind: "date", date: { day: Number(m[1]), month, year } });
    out.push({
      raw: m[0],
      start: at + m[0].length,
      end: at + m[0].length,
      kind: "date",
      date: { day: Number(m[2]), month, year },
    });
  }
  for (const d of findDates(t)) {
    push({ raw: d.raw, start: d.start, end: d.end, kind: "date", date: { day: d.day, month: d.month, year: d.year } });
  }
  for (const m of t.matchAll(DAY_MONTH)) {
    const month = MONTH_INDEX.get((m[2] ?? "").toLowerCase());
    if (month && capitalisedIfEnglish(m[2] ?? ""))
      push({ raw: m[0], start: m.index, end: m.index + m[0].length, kind: "date", date: { day: Number(m[1]), month } });
  }
  for (const m of t.matchAll(MONTH_DAY)) {
    const month = MONTH_INDEX.get((m[1] ?? "").toLowerCase());
    if (!month || !/^\p{Lu}/u.test(m[1] ?? "")) continue;
    push({ raw: m[0], start: m.index, end: m.index + m[0].length, kind: "date", date: { day: Number(m[2]), month } });
    if (m[3])
      out.push({
        raw: m[0],
        start: m.index + m[0].length,
        end: m.index + m[0].length,
        kind: "date",
        date: { day: Number(m[3]), month },
      });
  }
  for (const m of t.matchAll(MONTH_ALONE)) {
    const word = m[1] ?? "";
    // "may" is a verb and « mars » a planet far more often than a month without a day or year.
    if (/^(?:may|mai|mar|jan|sep|dec|oct|nov|jun|jul|aug|apr|feb)$/iu.test(word) || !capitalisedIfEnglish(word))
      continue;
    const month = MONTH_INDEX.get(word.toLowerCase());
    if (month) push({ raw: word, start: m.index, end: m.index + word.length, kind: "date", date: { month } });
  }
  for (const m of t.matchAll(WEEKDAY)) {
    push({
      raw: m[0],
      start: m.index,
      end: m.index + m[0].length,
      kind: "weekday",
      weekday: WEEKDAYS[(m[1] ?? "").toLowerCase()],
    });
  }
  for (const m of t.matchAll(TIME)) {
    const minutes = timeValue(m);
    if (minutes !== undefined) push({ raw: m[0], start: m.index, end: m.index + m[0].length, kind: "time", minutes });
  }
  for (const m of t.matchAll(FRENCH_HOURS)) {
    const hours = Number(m[1]);
    const minutes = Number(m[2] ?? 0);
    if (hours <= 24 && minutes <= 59)
      push({ raw: m[0], start: m.index, end: m.index + m[0].length, kind: "time", minutes: hours * 60 + minutes });
  }
  for (const m of t.matchAll(YEAR)) {
    push({ raw: m[0], start: m.index, end: m.index + m[0].length, kind: "date", date: { year: Number(m[1]) } });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function capitalisedIfEnglish(word: string): boolean {
  // English month names are capitalised; French ones are not, so a lowercase word is read as French.
  return /^\p{Lu}/u.test(word) || MONTHS.fr.includes(word.toLowerCase()) || /^(?:fevrier|aout|decembre)$/u.test(word);
}

function timeValue(m: RegExpMatchArray): number | undefined {
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[5] ?? 0);
  const meridiem = (m[3] ?? m[4] ?? "").replace(/\./gu, "").toLowerCase();
  const hasClock = m[2] !== undefined || meridiem !== "" || /h/iu.test(m[0]);
  if (!hasClock || minutes > 59) return undefined;
  // "1.5" or "4.2" are figures, not times: a dotted time needs am/pm.
  if (m[2] !== undefined && m[0].includes(".") && !meridiem) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    if (meridiem === "pm" && hours !== 12) hours += 12;
    if (meridiem === "am" && hours === 12) hours = 0;
  }
  if (hours > 24) return undefined;
  return hours * 60 + minutes;
}

/** The weekday of a full date (0 = Sunday). */
export function weekdayOf(d: DateFact): number | undefined {
  if (d.day === undefined || d.month === undefined || d.year === undefined) return undefined;
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

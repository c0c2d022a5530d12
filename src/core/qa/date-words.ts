import { findDates } from "../text/dates.js";
import { fold } from "../text/fold.js";
import type { DateRange } from "./qa-types.js";

/** What a question's date words narrow the search to, and the question without them. */
export interface DateNarrowing {
  range?: DateRange | undefined;
  /** The question with the date words taken out, so "février" does not have to match the text as well. */
  rest: string;
  /** A month without its year ("in February"): read as the last one, but the asker may mean an earlier year. */
  guessedYear?: boolean | undefined;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  february: 2,
  feb: 2,
  fevrier: 2,
  fevr: 2,
  march: 3,
  mar: 3,
  mars: 3,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juin: 6,
  july: 7,
  jul: 7,
  juillet: 7,
  juil: 7,
  august: 8,
  aug: 8,
  aout: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  december: 12,
  dec: 12,
  decembre: 12,
};
const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

type Relative = (today: Day) => DateRange;
interface Day {
  y: number;
  m: number;
  d: number;
}

// Matched on folded text (lowercase, no accents, straight apostrophes); longest phrasings first.
const RELATIVE: [RegExp, Relative][] = [
  [/\b(?:(?:in|during|over) )?the (?:past|last) (?:7|seven) days\b/, (t) => span(addDays(t, -6), t)],
  [
    /\b(?:(?:in|during|over) )?the past week\b|\b(?:ces|les) (?:7|sept) derniers jours\b/,
    (t) => span(addDays(t, -6), t),
  ],
  [
    /\b(?:(?:in|during) )?last week\b|\bla semaine (?:derniere|passee)\b/,
    (t) => span(addDays(monday(t), -7), addDays(monday(t), -1)),
  ],
  [/\b(?:(?:in|during) )?this week\b|\bcette semaine\b/, (t) => span(monday(t), t)],
  [/\b(?:(?:in|during) )?last month\b|\ble mois (?:dernier|passe)\b/, (t) => monthRange(prevMonth(t))],
  [/\b(?:(?:in|during) )?this month\b|\bce mois(?:-ci)?\b/, (t) => span({ ...t, d: 1 }, t)],
  [/\b(?:(?:in|during) )?last year\b|\bl'(?:annee|an) (?:derniere?|passee?)\b/, (t) => yearRange(t.y - 1)],
  [/\b(?:(?:in|during) )?this year\b|\bcette annee\b/, (t) => span({ y: t.y, m: 1, d: 1 }, t)],
  [/\byesterday\b|\bhier\b/, (t) => span(addDays(t, -1), addDays(t, -1))],
  [/\btoday\b|\baujourd'hui\b/, (t) => span(t, t)],
];

const SINCE = "(?:since|depuis)";
const IN = "(?:in|during|en|au mois d[e'] ?|pendant|durant)";
const MONTH_ONLY = new RegExp(String.raw`\b(${SINCE}|${IN})\s+(?:le mois de |d')?(${MONTH_WORD})\.?(?!\s*\d)\b`);
const YEAR_ONLY = new RegExp(String.raw`\b(${SINCE}|${IN})\s+((?:19|20)\d{2})\b(?!\s*[-/])`);
const PREPOSITION = /\b(?:in|on|during|since|from|en|le|du|depuis|au mois de)\s*$/;

/**
 * Finds the first date expression of a question: relative words resolved against `today` (UTC), explicit dates
 * ("13 February 2024", "février 2024"), a month alone (the latest one up to today), a year, and "since …".
 */
export function narrowByDate(question: string, today: Date): DateNarrowing {
  const text = question.normalize("NFC");
  const folded = fold(text);
  const t: Day = { y: today.getUTCFullYear(), m: today.getUTCMonth() + 1, d: today.getUTCDate() };

  for (const [re, resolve] of RELATIVE) {
    const m = re.exec(folded);
    if (m) return { range: resolve(t), rest: cut(text, m.index, m.index + m[0].length) };
  }

  const date = findDates(text)[0];
  if (date) {
    const before = PREPOSITION.exec(folded.slice(0, date.start));
    const start = before ? date.start - before[0].length : date.start;
    const since = before !== null && /since|depuis/.test(before[0]);
    const range = date.day
      ? span({ y: date.year, m: date.month, d: date.day }, { y: date.year, m: date.month, d: date.day })
      : monthRange({ y: date.year, m: date.month, d: 1 });
    return { range: since ? span(parse(range.from), t) : range, rest: cut(text, start, date.end) };
  }

  const month = MONTH_ONLY.exec(folded);
  if (month) {
    const n = MONTHS[month[2] ?? ""] ?? 1;
    const y = n <= t.m ? t.y : t.y - 1;
    const range = monthRange({ y, m: n, d: 1 });
    const since = /since|depuis/.test(month[1] ?? "");
    return {
      range: since ? span(parse(range.from), t) : range,
      rest: cut(text, month.index, month.index + month[0].length),
      guessedYear: !since,
    };
  }

  const year = YEAR_ONLY.exec(folded);
  if (year) {
    const y = Number(year[2]);
    const since = /since|depuis/.test(year[1] ?? "");
    return {
      range: since ? span({ y, m: 1, d: 1 }, t) : yearRange(y),
      rest: cut(text, year.index, year.index + year[0].length),
    };
  }
  return { rest: text };
}

/** True when `date` (YYYY-MM-DD) falls inside the range. */
export function inRange(date: string, range: DateRange | undefined): boolean {
  return !range || (date >= range.from && date <= range.to);
}

function cut(text: string, start: number, end: number): string {
  return `${text.slice(0, start)} ${text.slice(end)}`.replace(/\s+/g, " ").trim();
}

function iso(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

function parse(isoDate: string): Day {
  const [y = 0, m = 1, d = 1] = isoDate.split("-").map(Number);
  return { y, m, d };
}

function span(from: Day, to: Day): DateRange {
  return { from: iso(from), to: iso(to) };
}

function addDays(day: Day, n: number): Day {
  const date = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function monday(day: Day): Day {
  const weekday = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function prevMonth(day: Day): Day {
  return day.m === 1 ? { y: day.y - 1, m: 12, d: 1 } : { y: day.y, m: day.m - 1, d: 1 };
}

function monthRange(day: Day): DateRange {
  const last = new Date(Date.UTC(day.y, day.m, 0)).getUTCDate();
  return span({ y: day.y, m: day.m, d: 1 }, { y: day.y, m: day.m, d: last });
}

function yearRange(y: number): DateRange {
  return span({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
}

import type { Lang } from "../../../core/domain/language.js";
import type { ProtectedSpan } from "../protect.js";
import { SpanSet } from "./span-set.js";

const MONTHS: Record<Lang, string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
};
const WEEKDAYS: Record<Lang, string[]> = {
  en: "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "),
  fr: "lundi mardi mercredi jeudi vendredi samedi dimanche".split(" "),
};
const AND: Record<Lang, string> = { en: "and", fr: "et" };

const L = "(?<![\\p{L}\\p{N}])";
const R = "(?![\\p{L}\\p{N}])";
const month = (lang: Lang) => `(${MONTHS[lang].join("|")})`;
const weekday = (lang: Lang) => `(${WEEKDAYS[lang].join("|")})`;
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|ᵉʳ)?";
const YEAR = "(?:\\s+(\\d{4}))?";

// Words after which a date takes no "on" / "le" of its own: "since 31 October", "depuis le 31 octobre".
const NO_ON: Record<Lang, RegExp> = {
  en: /(?:since|until|till|before|after|by|from|to|of|for|between|than|as)\s+$/iu,
  fr: /(?:depuis|jusqu['’]au|jusqu['’]|avant|après|dès|pour|par|que|entre|vers|avant le|d['’]ici)\s+$/iu,
};

interface DateParts {
  weekday?: number | undefined;
  days: number[];
  /** "from 15 to 17 May" rather than "on 24 and 25 June". */
  range?: boolean;
  month: number;
  year?: string | undefined;
}

/**
 * Dates with the preposition or article around them, which word-by-word MT gets wrong both ways ("On 31 October
 * 2018" → "En 31 octobre", "Le 31 octobre" → "The 31 October", "les 11 et 12 juillet", "du 15 au 17 mai"):
 * protected as one span and written the target language's way.
 */
export function datePhraseSpans(text: string, from: Lang, to: Lang): ProtectedSpan[] {
  if (from === to) return [];
  const spans = new SpanSet();
  const add = (start: number, end: number, d: DateParts, lead: "on" | "none", capital: boolean) => {
    if (spans.overlaps(start, end)) return;
    const before = text.slice(0, start);
    const bare = lead === "none" || NO_ON[from].test(before);
    let out = render(d, to, bare);
    if (capital || (!bare && /(?:^|[.!?]\s+)$/u.test(before))) out = out[0]!.toUpperCase() + out.slice(1);
    spans.add({ start, end, replacement: out });
  };
  const wd = (lang: Lang, w: string | undefined) =>
    w === undefined ? undefined : WEEKDAYS[lang].findIndex((x) => x.toLowerCase() === w.toLowerCase());
  const mo = (lang: Lang, w: string) => MONTHS[lang].findIndex((x) => x.toLowerCase() === w.toLowerCase());

  if (from === "en") {
    const re = {
      range: new RegExp(
        `${L}[Ff]rom\\s+${DAY}(?:\\s+${month("en")})?\\s+(?:to|until|-|–)\\s+${DAY}\\s+${month("en")}${YEAR}${R}`,
        "gu",
      ),
      on: new RegExp(
        `${L}([Oo]n)\\s+(?:${weekday("en")},?\\s+)?\\(?${DAY}(?:\\s*(?:and|-|–)\\s*${DAY})?\\s+${month("en")}${YEAR}\\)?${R}`,
        "gu",
      ),
      day: new RegExp(`${L}([Oo]n)\\s+${weekday("en")}${R}`, "gu"),
    };
    for (const m of text.matchAll(re.range)) {
      const d: DateParts = { days: [Number(m[1]), Number(m[3])], range: true, month: mo("en", m[4]!), year: m[5] };
      add(m.index, m.index + m[0].length, d, "none", /^F/.test(m[0]));
    }
    for (const m of text.matchAll(re.on)) {
      const days = [Number(m[3]), ...(m[4] ? [Number(m[4])] : [])];
      const d: DateParts = { weekday: wd("en", m[2]), days, month: mo("en", m[5]!), year: m[6] };
      if (m[0].includes("(") !== m[0].endsWith(")")) continue;
      add(m.index, m.index + m[0].length, d, "on", m[1] === "On");
    }
    for (const m of text.matchAll(re.day)) {
      add(m.index, m.index + m[0].length, { weekday: wd("en", m[2]), days: [], month: -1 }, "on", m[1] === "On");
    }
  } else {
    const re = {
      range: new RegExp(
        `${L}([Dd]u)\\s+${DAY}(?:\\s+${month("fr")})?\\s+au\\s+${DAY}\\s+${month("fr")}${YEAR}${R}`,
        "giu",
      ),
      on: new RegExp(
        `${L}([Ll]es?|[Cc]e)\\s+(?:${weekday("fr")}\\s+)?${DAY}(?:\\s+et\\s+${DAY})?\\s+${month("fr")}${YEAR}${R}`,
        "gu",
      ),
      day: new RegExp(`${L}(?:([Cc]e|[Ll]e)\\s+)?${weekday("fr")}(?=\\s*[,(])`, "giu"),
    };
    for (const m of text.matchAll(re.range)) {
      const d: DateParts = { days: [Number(m[2]), Number(m[4])], range: true, month: mo("fr", m[5]!), year: m[6] };
      add(m.index, m.index + m[0].length, d, "none", m[1] === "Du");
    }
    for (const m of text.matchAll(re.on)) {
      const days = [Number(m[3]), ...(m[4] ? [Number(m[4])] : [])];
      const d: DateParts = { weekday: wd("fr", m[2]), days, month: mo("fr", m[5]!), year: m[6] };
      add(m.index, m.index + m[0].length, d, "on", /^\p{Lu}/u.test(m[1]!));
    }
    for (const m of text.matchAll(re.day)) {
      const capital = /^\p{Lu}/u.test(m[0]);
      add(m.index, m.index + m[0].length, { weekday: wd("fr", m[2]), days: [], month: -1 }, "on", capital);
    }
  }
  return spans.list();
}

function render(d: DateParts, to: Lang, bare: boolean): string {
  const day = d.weekday === undefined || d.weekday < 0 ? "" : WEEKDAYS[to][d.weekday]!;
  if (d.month < 0) {
    // A weekday alone: "On Tuesday" → "mardi"; "ce mardi" → "on Tuesday".
    return to === "fr" ? day : bare ? day : `on ${day}`;
  }
  const m = MONTHS[to][d.month]!;
  const year = d.year ? ` ${d.year}` : "";
  const num = (n: number) => (to === "fr" && n === 1 ? "1er" : String(n));
  if (d.range) {
    const [a, b] = d.days;
    return to === "fr" ? `du ${num(a!)} au ${num(b!)} ${m}${year}` : `from ${a} to ${b} ${m}${year}`;
  }
  const days = d.days.map(num).join(` ${AND[to]} `);
  const date = `${day ? `${day} ` : ""}${days} ${m}${year}`;
  if (bare) return date;
  if (to === "fr") return `${d.days.length > 1 ? "les" : "le"} ${date}`;
  return `on ${date}`;
}

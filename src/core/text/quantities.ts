import type { Lang } from "../domain/language.js";

/**
 * Numbers as a reader understands them: "10 milliards de dollars" and "$10 billion" are the same figure.
 * Used by the fact guard (is this figure in the source?) and by offline translation (render it in the other
 * language instead of letting word-by-word MT turn "milliards" into "millardos").
 */
export interface Quantity {
  raw: string;
  start: number;
  end: number;
  /** The number as written, parsed (10 for "10 milliards"). */
  base: number;
  /** With its magnitude applied (1e10 for "10 milliards"). */
  value: number;
  /** Source spelling of the number itself, digits and separators. */
  number: string;
  magnitude?: Magnitude | undefined;
  unit?: Unit | undefined;
}

type Magnitude = "thousand" | "million" | "billion" | "trillion";
type Unit = "usd" | "eur" | "gbp" | "percent" | "mm" | "km" | "kg" | "tonne";

const SCALE: Record<Magnitude, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const MAGNITUDE_WORDS: Record<Lang, [RegExp, Magnitude][]> = {
  en: [
    [/^(?:thousand)\b/i, "thousand"],
    [/^(?:millions?|mn|m)\b/i, "million"],
    [/^(?:billions?|bn|b)\b/i, "billion"],
    [/^(?:trillions?|tn)\b/i, "trillion"],
  ],
  fr: [
    [/^(?:mille)\b/iu, "thousand"],
    [/^(?:millions?|M)(?![\p{L}])/iu, "million"],
    [/^(?:milliards?|Md|Mds|Mrd)(?![\p{L}])/iu, "billion"],
    // French "billion" is a million million.
    [/^(?:billions?)(?![\p{L}])/iu, "trillion"],
  ],
};

const UNIT_AFTER: [RegExp, Unit][] = [
  [/^(?:(?:de |d['’])?(?:dollars?(?: américains| US)?|US dollars|USD)|US\$)(?![\p{L}])/iu, "usd"],
  [/^(?:(?:d['’]|de )?euros?|EUR|€)(?![\p{L}])/iu, "eur"],
  [/^(?:(?:de )?livres sterling|pounds?(?: sterling)?|GBP|£)(?![\p{L}])/iu, "gbp"],
  [/^(?:%|per ?cent|pour ?cent)(?![\p{L}])/iu, "percent"],
  [/^(?:millim[eè]t(?:re|er)s?|mm)(?![\p{L}])/iu, "mm"],
  [/^(?:kilom[eè]t(?:re|er)s?|km)(?![\p{L}])/iu, "km"],
  [/^(?:kilogram(?:me)?s?|kg)(?![\p{L}])/iu, "kg"],
  [/^(?:tonnes?|tons?)(?![\p{L}])/iu, "tonne"],
];

const CURRENCY_BEFORE: [RegExp, Unit][] = [
  [/(?:US\$|\$|USD ?)$/u, "usd"],
  [/(?:€|EUR ?)$/u, "eur"],
  [/(?:£|GBP ?)$/u, "gbp"],
];

// A number: grouped thousands (1,000 / 1 000 / 1.000) or plain digits, with an optional decimal part.
const NUMBER = /\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/gu;

export function findQuantities(text: string, lang: Lang): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const number = m[0];
    let start = m.index;
    let end = start + number.length;
    // "2024-02-13" or "A400M": parts of identifiers, not figures.
    if (/[\p{L}]$/u.test(text.slice(0, start)) && !/[$€£]$/u.test(text.slice(0, start))) continue;
    const base = parseNumber(number, lang);
    if (base === undefined) continue;
    let unit: Unit | undefined;
    const before = text.slice(Math.max(0, start - 4), start);
    for (const [re, u] of CURRENCY_BEFORE) {
      const c = re.exec(before);
      if (c) {
        unit = u;
        start -= c[0].length;
        break;
      }
    }
    let rest = text.slice(end);
    let magnitude: Magnitude | undefined;
    const gap = /^[\s\u00a0\u202f-]?/u.exec(rest)?.[0] ?? "";
    for (const [re, mag] of MAGNITUDE_WORDS[lang]) {
      const w = re.exec(rest.slice(gap.length));
      if (w) {
        magnitude = mag;
        end += gap.length + w[0].length;
        rest = text.slice(end);
        break;
      }
    }
    if (!unit || unit === "percent") {
      const gap2 = /^[\s\u00a0\u202f-]?/u.exec(rest)?.[0] ?? "";
      for (const [re, u] of UNIT_AFTER) {
        const w = re.exec(rest.slice(gap2.length));
        if (w) {
          unit = u;
          end += gap2.length + w[0].length;
          break;
        }
      }
    }
    const value = magnitude ? base * SCALE[magnitude] : base;
    out.push({ raw: text.slice(start, end), start, end, base, value, number, magnitude, unit });
  }
  return out;
}

/** Parses "1 000", "1,000", "1,5" (fr) or "1.5" (en). undefined when the spelling is ambiguous garbage. */
export function parseNumber(spelling: string, lang: Lang): number | undefined {
  const s = spelling.replace(/[\u00a0\u202f ]/g, " ");
  let normalised: string;
  if (/^\d{1,3}(?:[ ]\d{3})+(?:[.,]\d+)?$/.test(s)) normalised = s.replace(/ /g, "").replace(",", ".");
  else if (lang === "fr") normalised = /^\d{1,3}(?:\.\d{3})+$/.test(s) ? s.replace(/\./g, "") : s.replace(",", ".");
  else normalised = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

const MAGNITUDE_TEXT: Record<Lang, Record<Magnitude, [string, string]>> = {
  en: {
    thousand: ["thousand", "thousand"],
    million: ["million", "million"],
    billion: ["billion", "billion"],
    trillion: ["trillion", "trillion"],
  },
  fr: {
    thousand: ["mille", "mille"],
    million: ["million", "millions"],
    billion: ["milliard", "milliards"],
    trillion: ["billion", "billions"],
  },
};

const UNIT_TEXT: Record<Lang, Record<Unit, [string, string]>> = {
  en: {
    usd: ["dollar", "dollars"],
    eur: ["euro", "euros"],
    gbp: ["pound", "pounds"],
    percent: ["per cent", "per cent"],
    mm: ["millimetre", "millimetres"],
    km: ["kilometre", "kilometres"],
    kg: ["kilogram", "kilograms"],
    tonne: ["tonne", "tonnes"],
  },
  fr: {
    usd: ["dollar", "dollars"],
    eur: ["euro", "euros"],
    gbp: ["livre sterling", "livres sterling"],
    percent: ["%", "%"],
    mm: ["millimètre", "millimètres"],
    km: ["kilomètre", "kilomètres"],
    kg: ["kilogramme", "kilogrammes"],
    tonne: ["tonne", "tonnes"],
  },
};

/** Writes a quantity the way the other language's reader expects, keeping the same digits. */
export function renderQuantity(q: Quantity, lang: Lang): string {
  const plural = q.base >= 2;
  const number = renderNumber(q.number, lang);
  const parts = [number];
  if (q.magnitude) parts.push(MAGNITUDE_TEXT[lang][q.magnitude][plural ? 1 : 0]);
  if (q.unit) {
    const unit = UNIT_TEXT[lang][q.unit][plural || q.magnitude ? 1 : 0];
    // "10 milliards de dollars", "1,5 milliard d'euros": French links a magnitude to its unit.
    const link = lang === "fr" && q.magnitude && q.unit !== "percent" ? (/^[aeioué]/i.test(unit) ? "d'" : "de ") : "";
    parts.push(`${link}${unit}`);
  }
  return parts.join(" ");
}

function renderNumber(spelling: string, lang: Lang): string {
  const s = spelling.replace(/[\u00a0\u202f]/g, " ");
  if (lang === "en") {
    if (/^\d{1,3}(?: \d{3})+/.test(s))
      return s.replace(/ /g, ",").replace(/,(\d+)$/, (m, d) => (d.length === 3 ? m : `.${d}`));
    return s.replace(/^(\d+),(\d+)$/, "$1.$2");
  }
  if (/^\d{1,3}(?:,\d{3})+/.test(s)) return s.replace(/,/g, " ").replace(/\.(\d+)$/, ",$1");
  return s.replace(/^(\d+)\.(\d+)$/, "$1,$2");
}

/** Every run of digits, and grouped numbers joined ("10 000" → "10000"), as a reader scanning for figures. */
export function digitRuns(text: string): Set<string> {
  const runs = new Set(text.match(/\d+/g) ?? []);
  for (const m of text.match(/\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+/g) ?? []) runs.add(m.replace(/\D/g, ""));
  return runs;
}

import type { Lang } from "../domain/language.js";
import { otherLang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import { fold } from "../text/fold.js";
import { acronymOf, initialOf, nameRuns, sameLanguageAcronym } from "./acronyms.js";
import { findCodes, findFigures } from "./figures.js";
import { findMoments, weekdayOf } from "./moments.js";
import { FUNCTION_WORDS, skeleton, splitWords, wordKey } from "./words.js";

/** A text the evidence is drawn from: a release's title and paragraphs, or the passages an answer cites. */
export interface SourceText {
  lang: Lang;
  text: string;
}

/** A glossary term found in a text, with every official form of it in both languages. */
export interface TermMatch {
  /** As written in the text. */
  source: string;
  forms: Record<Lang, readonly string[]>;
  /** What the term names, as the glossary says ("country", "demonym", "place", "body"…); undefined when unknown. */
  kind?: string | undefined;
}

/** Finds glossary terms in a text (the repository's glossary in infra; none in bare tests). */
export type TermFinder = (text: string, lang: Lang) => TermMatch[];

/** What the trust layer looks things up in, beyond the source text itself. */
export interface TrustTools {
  terms?: TermFinder | undefined;
  lexicon?: BilingualLexicon | undefined;
}

/**
 * The facts of a source, extracted once and compared by meaning: figures by value (with magnitude and unit),
 * dates by day, month and year, times by the minute, weekdays, and every word the source uses or implies in the
 * other language (its own words, glossary forms, dictionary equivalents), with acronyms and name skeletons.
 */
export interface Evidence {
  readonly langs: readonly Lang[];
  readonly figures: {
    values: Set<number>;
    bases: Set<number>;
    withUnit: Set<string>;
    /** wordKey of a word a bare figure counts ("deux véhicules" → véhicule, vehicle) → the values counting it. */
    counted: Map<string, Set<number>>;
  };
  readonly dates: {
    full: Set<string>;
    dayMonth: Set<string>;
    monthYear: Set<string>;
    months: Set<number>;
    years: Set<number>;
    weekdays: Set<number>;
  };
  readonly times: Set<number>;
  /** wordKey of every source word, glossary form and dictionary equivalent (both languages). */
  readonly words: Set<string>;
  readonly skeletons: Set<string>;
  /** Folded proper words of the source and their equivalents: "italie", "italy", "finlande" … */
  readonly proper: readonly string[];
  /** Acronyms the source writes or implies, upper case, singular. */
  readonly acronyms: Set<string>;
  /** Runs of name words of the source, each word with the initials it may take in either language. */
  readonly runs: readonly (readonly Set<string>[])[];
  readonly tools: TrustTools;
}

export function buildEvidence(sources: readonly SourceText[], tools: TrustTools = {}): Evidence {
  const ev: Evidence = {
    langs: [...new Set(sources.map((s) => s.lang))],
    figures: { values: new Set(), bases: new Set(), withUnit: new Set(), counted: new Map() },
    dates: {
      full: new Set(),
      dayMonth: new Set(),
      monthYear: new Set(),
      months: new Set(),
      years: new Set(),
      weekdays: new Set(),
    },
    times: new Set(),
    words: new Set(),
    skeletons: new Set(),
    proper: [],
    acronyms: new Set(),
    runs: [],
    tools,
  };
  // Every source is a NATO text: its publisher is always known, in both languages.
  for (const publisher of ["NATO", "OTAN"]) {
    ev.acronyms.add(publisher);
    ev.words.add(wordKey(publisher));
  }
  const proper = new Set<string>();
  for (const s of sources) {
    const text = s.text.normalize("NFC");
    const moments = findMoments(text);
    addMoments(ev, moments);
    for (const f of findFigures(text, s.lang, moments)) {
      ev.figures.values.add(f.value);
      ev.figures.bases.add(f.base);
      ev.figures.withUnit.add(`${f.value}|${f.unit ?? ""}`);
      if (f.scaled || f.unit) continue;
      for (const w of countedWords(text, f.end, s.lang)) {
        const keys = [
          wordKey(w),
          ...(tools.lexicon?.equivalents(w, s.lang, otherLang(s.lang)) ?? []).map((e) => wordKey(e.lemma)),
        ];
        for (const k of keys) {
          const set = ev.figures.counted.get(k) ?? new Set<number>();
          set.add(f.value);
          ev.figures.counted.set(k, set);
        }
      }
    }
    for (const c of findCodes(text)) ev.words.add(wordKey(c.text));
    const words = splitWords(text);
    const other = otherLang(s.lang);
    for (const w of words) {
      addWord(ev, w.text);
      if (/^\p{Lu}/u.test(w.text)) {
        ev.skeletons.add(skeleton(w.text));
        proper.add(fold(w.text));
      }
      const acronym = acronymOf(w.text);
      if (acronym) ev.acronyms.add(acronym);
    }
    // Dictionary equivalents of every word and of every two- and three-word group ("Amérique du Nord").
    const lexicon = tools.lexicon;
    if (lexicon?.available()) {
      const groups = new Set<string>();
      for (let i = 0; i < words.length; i++) {
        groups.add(words[i]?.text ?? "");
        // Multi-word entries of the dictionaries are names ("Amérique du Nord", "Bosnia and Herzegovina").
        if (!/^\p{Lu}/u.test(words[i]?.text ?? "")) continue;
        for (let n = 2; n <= 3 && i + n <= words.length; n++) {
          groups.add(
            words
              .slice(i, i + n)
              .map((w) => w.text)
              .join(" "),
          );
        }
      }
      for (const g of groups) {
        for (const e of lexicon.equivalents(g, s.lang, other)) {
          for (const part of splitWords(e.lemma)) addWord(ev, part.text);
          if (e.pos === "np" || /^\p{Lu}/u.test(e.lemma)) proper.add(fold(e.lemma));
        }
      }
    }
    for (const m of tools.terms?.(text, s.lang) ?? []) {
      for (const lang of ["en", "fr"] as const) {
        for (const form of m.forms[lang]) {
          for (const part of splitWords(form)) {
            addWord(ev, part.text);
            if (/^\p{Lu}/u.test(part.text)) proper.add(fold(part.text));
          }
          const acronym = acronymOf(form) ?? sameLanguageAcronym(form);
          if (acronym) ev.acronyms.add(acronym);
        }
      }
    }
    for (const run of nameRuns(text, s.lang, words)) {
      const initials = run.map((w) => {
        const set = new Set<string>([initialOf(w)]);
        for (const e of lexicon?.equivalents(w, s.lang, other) ?? []) set.add(initialOf(e.lemma));
        return set;
      });
      (ev.runs as Set<string>[][]).push(initials);
      // The source's own acronym of the run, in its language ("North Atlantic Council" → NAC).
      for (let i = 0; i < run.length; i++) {
        for (let j = i + 2; j <= run.length; j++) {
          ev.acronyms.add(
            run
              .slice(i, j)
              .map((w) => initialOf(w))
              .join(""),
          );
        }
      }
    }
  }
  return { ...ev, proper: [...proper] };
}

function addWord(ev: Evidence, word: string): void {
  ev.words.add(wordKey(word));
  // Hyphenated names also count by part: "Bosnie-Herzégovine" backs "Herzégovine".
  if (/[-‐]/u.test(word)) for (const part of word.split(/[-‐]/u)) if (part) ev.words.add(wordKey(part));
}

function addMoments(ev: Evidence, moments: ReturnType<typeof findMoments>): void {
  for (const m of moments) {
    if (m.kind === "time" && m.minutes !== undefined) ev.times.add(m.minutes);
    if (m.kind === "weekday" && m.weekday !== undefined) ev.dates.weekdays.add(m.weekday);
    const d = m.date;
    if (m.kind !== "date" || !d) continue;
    if (d.year !== undefined) ev.dates.years.add(d.year);
    if (d.month !== undefined) ev.dates.months.add(d.month);
    if (d.day !== undefined && d.month !== undefined) ev.dates.dayMonth.add(`${d.day}-${d.month}`);
    if (d.month !== undefined && d.year !== undefined) ev.dates.monthYear.add(`${d.month}-${d.year}`);
    if (d.day !== undefined && d.month !== undefined && d.year !== undefined) {
      ev.dates.full.add(`${d.day}-${d.month}-${d.year}`);
      const wd = weekdayOf(d);
      if (wd !== undefined) ev.dates.weekdays.add(wd);
    }
  }
}

/**
 * The content words right after a figure, up to two and before any function word: what it counts ("deux
 * véhicules blindés" → véhicules, blindés; "four ships and 600 sailors" → ships).
 */
export function countedWords(text: string, from: number, lang: Lang): string[] {
  const after = splitWords(text.slice(from, from + 60));
  const out: string[] = [];
  let at = from;
  for (const w of after) {
    // "14 Allies", "six-week", "147e session", not "2019. The": the counted word follows at once.
    if (/[^\s\p{Pd}]/u.test(text.slice(at, from + w.start))) break;
    at = from + w.end;
    if (out.length === 0 && /^(?:e|er|re|ème|st|nd|rd|th|s)$/iu.test(w.text) && w.start === 0) continue;
    if (FUNCTION_WORDS[lang].has(fold(w.text)) || /\p{N}/u.test(w.text) || out.length === 2) break;
    out.push(w.text);
  }
  return out;
}

import type { Lang } from "../domain/language.js";
import { otherLang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import { NOT_NAMES } from "../text/names.js";
import { acronymOf, crossAcronym, definedAcronyms } from "./acronyms.js";
import { Coverage } from "./coverage.js";
import { countedWords, type Evidence } from "./evidence.js";
import { findCodes, findFigures } from "./figures.js";
import { findMoments, type Moment } from "./moments.js";
import { findNumberWords } from "./number-words.js";
import { FUNCTION_WORDS, RANKS, skeleton, splitWords, type Word, wordKey } from "./words.js";

export type FindingKind = "number" | "date" | "time" | "name";

export interface Finding {
  kind: FindingKind;
  /** As written in the checked text. */
  value: string;
}

/**
 * What one generated sentence says that the evidence does not carry: figures not in it by value (a magnitude or
 * a currency counts), dates, times and weekdays not in it, and name words that neither the source, nor its
 * glossary or dictionary equivalents, nor an acronym or a transliteration of them account for. `defined` holds
 * acronyms the generated text itself spells out ("Comprehensive Assistance Package (CAP)").
 */
export function checkSentence(
  sentence: string,
  lang: Lang,
  ev: Evidence,
  defined: ReadonlySet<string> = new Set(),
): Finding[] {
  const text = sentence.normalize("NFC");
  const findings: Finding[] = [];
  const moments = findMoments(text);
  for (const m of moments)
    if (!momentKnown(m, ev)) findings.push({ kind: m.kind === "time" ? "time" : "date", value: m.raw });
  for (const f of findFigures(text, lang, moments)) {
    const known =
      f.scaled || f.unit
        ? ev.figures.withUnit.has(`${f.value}|${f.unit ?? ""}`) ||
          ev.figures.withUnit.has(`${f.value}|`) ||
          (!f.unit && ev.figures.values.has(f.value))
        : ev.figures.values.has(f.value) || ev.figures.bases.has(f.value);
    if (!known || (!f.scaled && !f.unit && countsSomethingElse(f.value, countedWords(text, f.end, lang), lang, ev))) {
      findings.push({ kind: "number", value: f.raw });
    }
  }
  findings.push(...unsupportedNames(text, lang, ev, moments, defined));
  return findings;
}

/**
 * "three armoured vehicles" where the source says "two armoured vehicles" (and "three years"): the figure is in
 * the source, but what it counts is counted there by other figures only.
 */
function countsSomethingElse(value: number, counted: string[], lang: Lang, ev: Evidence): boolean {
  const countedBy = counted.map((w) => {
    const keys = [wordKey(w), ...(ev.tools.lexicon?.lemmas(w, lang) ?? []).map(wordKey)];
    return keys.map((k) => ev.figures.counted.get(k)).filter((v): v is Set<number> => !!v);
  });
  // Contradicted only when no counted word goes with this value and one goes with another ("formed" after
  // "41 nations" does not contradict "4,000 participants formed").
  if (countedBy.some((sets) => sets.some((v) => v.has(value)))) return false;
  return countedBy.some((sets) => sets.length > 0);
}

function momentKnown(m: Moment, ev: Evidence): boolean {
  const d = ev.dates;
  if (m.kind === "time") return m.minutes !== undefined && ev.times.has(m.minutes);
  if (m.kind === "weekday") return m.weekday !== undefined && d.weekdays.has(m.weekday);
  const x = m.date;
  if (!x) return true;
  if (x.day !== undefined && x.month !== undefined) {
    if (x.year !== undefined) {
      return (
        d.full.has(`${x.day}-${x.month}-${x.year}`) || (d.dayMonth.has(`${x.day}-${x.month}`) && d.years.has(x.year))
      );
    }
    return d.dayMonth.has(`${x.day}-${x.month}`);
  }
  if (x.month !== undefined && x.year !== undefined) return d.monthYear.has(`${x.month}-${x.year}`);
  if (x.month !== undefined) return d.months.has(x.month);
  if (x.year !== undefined) return d.years.has(x.year);
  return true;
}

interface Candidate {
  word: Word;
  /** Written in capitals (an acronym). */
  acronym?: string | undefined;
}

function unsupportedNames(
  text: string,
  lang: Lang,
  ev: Evidence,
  moments: Moment[],
  defined: ReadonlySet<string>,
): Finding[] {
  const words = splitWords(text);
  // Words inside a date, a time, a number word or a code are read as such, not as names.
  const covered = new Coverage(text.length);
  for (const m of moments) covered.take(m.start, m.end, 0);
  for (const n of findNumberWords(text, lang)) covered.take(n.start, n.end, 0);
  const codes = findCodes(text);
  codes.forEach((c, i) => {
    covered.take(c.start, c.end, i + 1);
  });
  const selfDefined = new Set([...defined, ...definedAcronyms(text)]);
  const lexicon = ev.tools.lexicon?.available() ? ev.tools.lexicon : undefined;
  const bad: Word[] = [];
  words.forEach((w, i) => {
    const owner = covered.ownerOf(w.start, w.end);
    if (owner === 0) return;
    const code = owner > 0 ? codes[owner - 1] : undefined;
    if (code) {
      if (!ev.words.has(wordKey(code.text)) && !ev.acronyms.has(acronymOf(code.text) ?? "")) bad.push(w);
      return;
    }
    const next = words[i + 1];
    const joined = !!next && /^\p{Lu}/u.test(next.text) && /^[\s-]+$/u.test(text.slice(w.end, next.start));
    const candidate = nameCandidate(w, i === 0 || opensClause(text, w, words[i - 1]), joined, lang, lexicon);
    if (!candidate) return;
    if (!supported(candidate, lang, ev, selfDefined)) bad.push(w);
  });
  // One finding per run of adjacent unsupported words: "Pierre Vandier", not "Pierre" and "Vandier".
  const findings: Finding[] = [];
  let run: Word[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) findings.push({ kind: "name", value: text.slice(first.start, last.end) });
    run = [];
  };
  for (const w of bad) {
    const prev = run[run.length - 1];
    if (prev && !/^[\s-]+$/u.test(text.slice(prev.end, w.start))) flush();
    run.push(w);
  }
  flush();
  return findings;
}

/** A word at the start of a sentence, a quotation or a list item, where a capital says nothing. */
function opensClause(text: string, w: Word, prev: Word | undefined): boolean {
  const before = text.slice(prev ? prev.end : 0, w.start);
  if (!prev) return /^[\s«“"'(\-–—•*]*$/u.test(before);
  return /[.!?:;«“"]\s*[«“"(]?\s*$/u.test(before);
}

/** Currency codes are read with their figure, not as names. */
const CURRENCY_CODES = new Set(["EUR", "USD", "GBP", "CHF", "CAD"]);

function nameCandidate(
  w: Word,
  clauseStart: boolean,
  /** The next word is capitalised and joined to this one ("Pierre Vandier"). */
  joined: boolean,
  lang: Lang,
  lexicon: Evidence["tools"]["lexicon"],
): Candidate | undefined {
  const acronym = acronymOf(w.text);
  if (acronym) return CURRENCY_CODES.has(acronym) ? undefined : { word: w, acronym };
  const folded = fold(w.text);
  if (/^\p{Lu}/u.test(w.text)) {
    if (FUNCTION_WORDS[lang].has(folded) || NOT_NAMES[lang].has(w.text) || RANKS.has(folded)) return undefined;
    if (!clauseStart) return { word: w };
    // First word of a sentence: a name when the dictionary knows it as one, or when it does not know it and it
    // opens a run of capitalised words ("Luciano Portolano said"); an unknown word alone is more often an
    // inflected verb or a pronoun ("Led by Norway", « Réunis à Bruxelles », « Celui-ci »).
    if (!lexicon) return undefined;
    const eq = lexicon.equivalents(w.text, lang, otherLang(lang));
    if (eq.length > 0) return eq.every((e) => e.pos === "np") ? { word: w } : undefined;
    return joined ? { word: w } : undefined;
  }
  // French writes demonyms in lower case (« italien », « moldaves »): a fact all the same.
  if (lang === "fr" && lexicon && !FUNCTION_WORDS.fr.has(folded)) {
    const eq = lexicon.equivalents(w.text, "fr", "en");
    if (eq.length > 0 && eq.every((e) => /^\p{Lu}/u.test(e.lemma)) && eq.some((e) => e.pos === "adj"))
      return { word: w };
  }
  return undefined;
}

function supported(c: Candidate, lang: Lang, ev: Evidence, defined: ReadonlySet<string>): boolean {
  const w = c.word.text;
  if (c.acronym) {
    if (ev.acronyms.has(c.acronym) || defined.has(c.acronym) || ev.words.has(wordKey(w))) return true;
    if (crossAcronym(c.acronym, ev.runs)) return true;
  } else if (wordSupported(w, lang, ev)) {
    return true;
  }
  // A compound is backed when each part is: "NATO-EU", "finno-polonaise", "Bosnia-Herzegovina".
  const parts = w.split(/[-‐]/u).filter(Boolean);
  return (
    parts.length > 1 &&
    parts.every((p) => {
      if (FUNCTION_WORDS[lang].has(fold(p))) return true;
      const acronym = acronymOf(p);
      return acronym
        ? supported({ word: { ...c.word, text: p }, acronym }, lang, ev, defined)
        : wordSupported(p, lang, ev);
    })
  );
}

function wordSupported(w: string, lang: Lang, ev: Evidence): boolean {
  if (ev.words.has(wordKey(w)) || ev.skeletons.has(skeleton(w))) return true;
  const lexicon = ev.tools.lexicon;
  if (lexicon?.available()) {
    for (const lemma of lexicon.lemmas(w, lang)) if (ev.words.has(wordKey(lemma))) return true;
  }
  return demonymOf(w, lang, ev);
}

const DEMONYM_ENDING = /(?:ian|ish|ese|an|i|ic|ais|aise|ois|oise|ien|ienne|ain|aine|ique|e|es|s)$/u;

/** "Finnish" for Finland, « italien » for « Italie »: the adjective of a country or place the source names. */
function demonymOf(w: string, lang: Lang, ev: Evidence): boolean {
  const forms = [fold(w)];
  for (const e of ev.tools.lexicon?.equivalents(w, lang, otherLang(lang)) ?? []) forms.push(fold(e.lemma));
  if (!forms.some((f) => DEMONYM_ENDING.test(f))) return false;
  return forms.some((f) => f.length >= 4 && ev.proper.some((p) => commonPrefix(f, p) >= 4));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

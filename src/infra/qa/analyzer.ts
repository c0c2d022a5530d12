import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as frenchStemmer } from "@orama/stemmers/french";
import { eng, fra } from "stopword";
import type { Lang } from "../../core/domain/language.js";
import { BoundedMemo } from "../../core/text/bounded-memo.js";
import { britishSpelling } from "../../core/text/british-spelling.js";
import { fold } from "../../core/text/fold.js";

/**
 * How text becomes search terms, the same for releases and questions: words split on anything that is not a
 * letter or digit (so l’OTAN → l + otan), stop words of both languages out, each word stemmed with its language's
 * Snowball stemmer (before folding: the French stemmer reads accents), then accents folded.
 */

// Words a question is made of that say nothing about what it asks; stopword's lists stop at function words.
const QUESTION_WORDS = [
  ...["what", "which", "when", "where", "why", "how", "whom", "whose", "does", "did", "tell", "say", "says", "said"],
  ...[
    "will",
    "shall",
    "know",
    "please",
    "anything",
    "something",
    "latest",
    "recent",
    "recently",
    "news",
    "about",
    "regarding",
  ],
  ...["quoi", "combien", "comment", "pourquoi", "quand", "dit", "dire", "sait", "savoir", "concernant", "propos"],
  ...["dernières", "derniers", "récemment", "récent", "récents", "nouvelles", "parlé", "est-ce"],
  // Chat spellings of question words ("whats", « koi », « pkoi ») and the verbs of "what's happening / what is NATO
  // doing": they ask what is new, not about doing or happening.
  ...["whats", "whos", "wheres", "hows", "whens", "happening", "happened", "doing", "going"],
  ...["koi", "pkoi", "pourkoi", "pq", "cmb"],
  // What is left of an ordinal once its figure is split off ("60th" → 60 + th, « 52e » → 52 + e).
  ...["th", "st", "nd", "rd", "er", "ere", "ème", "eme"],
];
// Prepositions and auxiliaries that stopword's lists miss in one language or the other (they have "before", "after",
// "since", "between" in English, « sera », « seront » in French, but not their counterparts).
const FUNCTION_WORDS = [
  ...["during", "until", "among", "against", "without", "within", "towards", "toward", "upon"],
  ...["pendant", "durant", "avant", "après", "depuis", "jusqu", "jusque", "lors", "selon", "parmi", "chez", "vers"],
  ...["contre", "entre", "envers", "vont", "va", "allons", "allez", "aller", "seraient", "serait"],
];
const STOP = new Set([...eng, ...fra, ...QUESTION_WORDS, ...FUNCTION_WORDS].map((w) => fold(w)));

/** Words every release carries: they find everything, so they do not count towards a question's coverage. */
const UBIQUITOUS = new Set(["nato", "otan", "alliance", "allies", "ally", "allied", "allie", "allies", "allied"]);

const STEMMERS: Record<Lang, (word: string) => string> = {
  en: (w) => englishStemmer(britishSpelling(w)),
  fr: frenchStemmer,
};

/**
 * A designation: letters then a figure, with or without a hyphen, and what follows it ("A400M", "K9", "F-35",
 * "CV90"). Split into its parts, its letters are single or stop words ("a", "m") and the figure alone matches
 * every 400 of the store; it is also one word of its own, written without the hyphen ("a400m", "f35").
 */
const DESIGNATION = /(?<![\p{L}\p{M}\p{N}])\p{L}{1,4}[-‐‑]?\p{N}+[\p{L}\p{N}]*(?![\p{L}\p{M}\p{N}])/gu;

/**
 * What every designation holds: a letter right before a figure, or before a hyphen and a figure. Most sentences have
 * none, and testing for it costs half of looking for designations (whose lookbehind is tried at every letter).
 */
const MAY_DESIGNATE = /\p{L}[-‐‑]?\p{N}/u;

/** Splits text into words as written (case kept: an all-capital word is an acronym, never a stop word). */
export function tokenize(text: string): string[] {
  const normal = text.normalize("NFC");
  // "155mm" is "155" and "mm": figures meet their spelled-out units.
  const words = normal.match(/\p{N}+|[\p{L}\p{M}]+/gu) ?? [];
  const designations = MAY_DESIGNATE.test(normal) ? normal.match(DESIGNATION) : null;
  return designations ? [...words, ...designations.map((d) => d.replace(/[-‐‑]/gu, ""))] : words;
}

// Stemming costs a few microseconds a word and text repeats its words: memoised per language, bounded.
const MEMO_LIMIT = 200_000;
const memo: Record<Lang, BoundedMemo<string | null>> = {
  en: new BoundedMemo(MEMO_LIMIT),
  fr: new BoundedMemo(MEMO_LIMIT),
};
const analysers: Record<Lang, (word: string) => string | null> = {
  en: (w) => analyse(w, "en"),
  fr: (w) => analyse(w, "fr"),
};

/** The index term of a word of a `lang` text; null for stop words and single letters. */
export function termFor(word: string, lang: Lang): string | null {
  return memo[lang].get(word, analysers[lang]);
}

/**
 * The index terms of a word of a `lang` text: its term, and for an accented French word the term of its unaccented
 * spelling when the stemmer reads that differently ("simulées" → simul, "simulees" → simule): people type French
 * questions without accents, and the question's words are stemmed as typed.
 */
export function indexTerms(word: string, lang: Lang): readonly string[] {
  return indexMemo[lang].get(word, indexAnalysers[lang]);
}

// Every word of every passage a question reads goes through indexTerms: memoised like termFor.
const indexMemo: Record<Lang, BoundedMemo<readonly string[]>> = {
  en: new BoundedMemo(MEMO_LIMIT),
  fr: new BoundedMemo(MEMO_LIMIT),
};
const indexAnalysers: Record<Lang, (word: string) => readonly string[]> = {
  en: (w) => analyseForIndex(w, "en"),
  fr: (w) => analyseForIndex(w, "fr"),
};
const NONE: readonly string[] = Object.freeze([]);

function analyseForIndex(word: string, lang: Lang): readonly string[] {
  const term = termFor(word, lang);
  if (term === null) return NONE;
  if (lang !== "fr") return Object.freeze([term]);
  const plain = fold(word);
  const bare = plain === word ? null : termFor(plain, lang);
  return Object.freeze(bare === null || bare === term ? [term] : [term, bare]);
}

function analyse(word: string, lang: Lang): string | null {
  const lower = word.toLowerCase();
  if (/^\p{N}+$/u.test(lower)) return lower;
  const acronym = word.length >= 2 && /^\p{Lu}+$/u.test(word);
  if (lower.length < 2 || (!acronym && STOP.has(fold(lower)))) return null;
  return fold(STEMMERS[lang](lower));
}

/** A question's word may meet either language's text: both stems, deduplicated. */
export function queryTerms(word: string): string[] {
  const en = termFor(word, "en");
  const fr = termFor(word, "fr");
  if (en === null || fr === null) return [];
  return en === fr ? [en] : [en, fr];
}

/**
 * The query terms of a question's word, without the words every release carries ("NATO", "Alliés") when the
 * question has other content words: they cannot change the ranking, but they make the engine score every document.
 */
export function focusedQueryTerms(text: string): (word: string) => string[] {
  if (coverageWords(text).length === 0) return queryTerms;
  return (word) => (UBIQUITOUS.has(fold(word.toLowerCase())) ? [] : queryTerms(word));
}

/**
 * The words of a text that a match is judged on: content words that are not in every release. Memoised (frozen):
 * one retrieval plans the same question a dozen times (each side, each round, its passages).
 */
export function coverageWords(text: string): readonly CoverageWord[] {
  return coverageMemo.get(text, findCoverageWords);
}

/** A word of a text with its query terms; `name` when written as one (a capital inside the text, an acronym). */
export interface CoverageWord {
  readonly word: string;
  readonly terms: readonly string[];
  readonly name: boolean;
}

const coverageMemo = new BoundedMemo<readonly CoverageWord[]>(1_000);

function findCoverageWords(text: string): readonly CoverageWord[] {
  const seen = new Set<string>();
  const out: CoverageWord[] = [];
  const words = tokenize(text);
  for (const [i, word] of words.entries()) {
    const terms = queryTerms(word);
    const key = terms.join("|");
    if (terms.length === 0 || seen.has(key) || UBIQUITOUS.has(fold(word.toLowerCase()))) continue;
    seen.add(key);
    // A capital inside the question (not its first word) or an acronym marks a name: specific on its own.
    const name = (i > 0 && /^\p{Lu}/u.test(word)) || (word.length >= 2 && /^\p{Lu}+$/u.test(word));
    out.push(Object.freeze({ word, terms: Object.freeze(terms), name }));
  }
  return Object.freeze(out);
}

import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import { acronymOf } from "../trust/acronyms.js";
import { FUNCTION_WORDS } from "../trust/words.js";
import { alternativesOf } from "./coverage.js";
import { stemOf } from "./focus-future.js";
import type { Retrieval } from "./retriever.js";
import { type BindingLookups, formsOf } from "./sentence-binding.js";
import type { SpecificWord } from "./specific-words.js";

/**
 * Phrase evidence: a question names what it asks about by a phrase ("the energy security CoE", « l'agence OTAN de
 * soutien et d'acquisition », "the first NATO-Japan cyber exercise"), and the release it is about writes those
 * words together, in one sentence and close to one another, while a near-topic release has them scattered
 * ("security" in one sentence, "energy" in another) or only some of them. How much of the question a release
 * holds together is the heaviest set of its words found within a small window of one sentence: in its original or
 * its stored translation, in any order (the other language orders a phrase its own way: « sécurité énergétique »,
 * « Centre d'excellence … pour la sécurité énergétique »), and an acronym of the question ("CoE") counting for the
 * words it stands for ("Centre of Excellence"). Names weigh most (what the question is about), then its other
 * specific words (nouns), then the rest (its verb: "created", "dirige"), so a release that shares the question's
 * verb and one noun does not lead one that shares a name and a noun.
 */
export interface PhraseWord {
  /** The word and its other spellings (lemma, the query's other spellings, dictionary equivalents). */
  forms: readonly string[];
  /** How much the word says about which release is meant: a name 2, a noun 1, another word 0.5. */
  weight: number;
  /** Whether it may be an acronym ("coe", "NSPA"): then it also stands for words whose initials spell it. */
  acronym?: boolean;
}

const NAME_WEIGHT = 2;
const NOUN_WEIGHT = 1;
const OTHER_WEIGHT = 0.5;

/**
 * The question's words for phrase evidence, in its order: its content words (`content`, as the index reads them),
 * weighed by the tagger's reading of them (`specific`: names and nouns; without it every word weighs alike).
 */
export function phraseWords(
  content: readonly string[],
  specific: readonly SpecificWord[] | undefined,
  lang: Lang,
  lookups: BindingLookups,
): PhraseWord[] {
  const alternatives = lookups.alternatives ?? {};
  const bySpelling = new Map<string, SpecificWord>();
  for (const w of specific ?? []) for (const s of [w.surface, w.lemma]) bySpelling.set(fold(s), w);
  const out: PhraseWord[] = [];
  const used = new Set<SpecificWord>();
  const add = (word: string, w: SpecificWord | undefined) => {
    const forms = [
      word,
      ...alternativesOf(alternatives, word),
      ...(w ? [w.surface, ...formsOf(w, lang, lookups)] : []),
    ];
    const weight = !specific ? NOUN_WEIGHT : w?.kind === "name" ? NAME_WEIGHT : w ? NOUN_WEIGHT : OTHER_WEIGHT;
    // Written as one ("CoE", "NSPA"), or a name no dictionary knows typed in lower case ("coe", "ncgp").
    const acronym = acronymOf(word) !== undefined || (w?.kind === "name" && w.unknown === true);
    out.push({ forms, weight, ...(acronym ? { acronym } : {}) });
  };
  for (const word of content) {
    const w = bySpelling.get(fold(word));
    if (w && used.has(w)) continue;
    if (w) used.add(w);
    add(word, w);
  }
  for (const w of specific ?? []) if (!used.has(w) && w.kind !== "figure") add(w.surface, w);
  return out;
}

/** Words of the sentence, other than the matched ones, a window may hold: « Centre d'excellence OTAN pour la ». */
const GAP = 2;
/** Sentence words read per sentence and matches kept: the cost of a sentence is bounded whatever its length. */
const MAX_TOKENS = 80;
const MAX_MATCHES = 24;
/** Two words at least: one word is a mention, not a phrase. */
const MIN_WORDS = 2;
/** Share of the question's weight the leading release must hold together. */
const MIN_SHARE = 0.5;

const STOP = new Set([...FUNCTION_WORDS.en, ...FUNCTION_WORDS.fr]);

interface Token {
  /** Folded. */
  text: string;
  capital: boolean;
  /** Index among the sentence's content words (function words share their next content word's). */
  at: number;
  function: boolean;
}

interface Hit {
  word: number;
  from: number;
  to: number;
}

/** The weight of the question's words the text holds together in one of its lines (sentences); 0 if none. */
export function heldTogether(text: string, words: readonly PhraseWord[]): number {
  if (words.length < MIN_WORDS) return 0;
  const matcher = matcherOf(words);
  let best = 0;
  for (const line of text.split("\n")) {
    const hits = hitsIn(tokensOf(line), matcher);
    if (hits.length >= MIN_WORDS) best = Math.max(best, bestWindow(hits, words));
  }
  return best;
}

/** `phraseLeader` among the retrieval's releases, read on every text of each (its stored translation included). */
export function leadingRelease(retrieval: Retrieval, words: readonly PhraseWord[]): string | undefined {
  return phraseLeader(
    retrieval.matches.map((m) => m.releaseId),
    (id) => retrieval.texts?.get(id),
    words,
  );
}

/**
 * The release that holds strictly more of the question together than any other (by `heldTogether` on every text
 * of it), when it holds two words and half the question's weight at least; undefined when none leads.
 */
export function phraseLeader(
  releaseIds: readonly string[],
  textOf: (releaseId: string) => string | undefined,
  words: readonly PhraseWord[],
): string | undefined {
  if (releaseIds.length < 2 || words.length < MIN_WORDS) return undefined;
  const held = releaseIds.map((id) => ({ id, held: heldTogether(textOf(id) ?? "", words) }));
  const sorted = [...held].sort((a, b) => b.held - a.held);
  const [first, second] = sorted;
  // Half the question's weight at least: two nouns met by chance ("plante", "missiles") are no phrase of it.
  const total = words.reduce((n, w) => n + w.weight, 0);
  if (!first || first.held === 0 || first.held < total * MIN_SHARE) return undefined;
  return !second || first.held > second.held ? first.id : undefined;
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

function tokensOf(line: string): Token[] {
  const written = line.split(SEPARATORS).filter(Boolean);
  // Folding keeps letters and digits, so the folded line splits into the same words (checked, else word by word).
  const whole = fold(line).split(SEPARATORS).filter(Boolean);
  const folded = whole.length === written.length ? whole : written.map((w) => fold(w));
  const out: Token[] = [];
  let at = 0;
  for (const [i, raw] of folded.entries()) {
    if (out.length >= MAX_TOKENS) break;
    const isFunction = STOP.has(raw) || raw.length < 2;
    out.push({ text: raw, capital: /^\p{Lu}/u.test(written[i] ?? ""), at, function: isFunction });
    if (!isFunction) at++;
  }
  return out;
}

/** A form of one of the question's words, as stems of its folded words (inflections aside, as `textCovers`). */
interface Form {
  word: number;
  stems: string[];
}

/** The question's forms by how a sentence's word may start them (`keyOf`), and its acronyms: made once a question. */
interface Matcher {
  forms: Map<string, Form[]>;
  acronyms: { word: number; letters: string[] }[];
}

const matchers = new WeakMap<readonly PhraseWord[], Matcher>();

function matcherOf(words: readonly PhraseWord[]): Matcher {
  const known = matchers.get(words);
  if (known) return known;
  const forms = new Map<string, Form[]>();
  const acronyms: Matcher["acronyms"] = [];
  for (const [word, w] of words.entries()) {
    for (const f of new Set(w.forms.map((x) => fold(x)))) {
      const stems = f
        .split(SEPARATORS)
        .filter((p) => p && !STOP.has(p))
        .map(stemOf);
      const [first] = stems;
      if (!first) continue;
      const key = keyOf(first);
      forms.set(key, [...(forms.get(key) ?? []), { word, stems }]);
    }
    const letters = [...fold(w.forms[0] ?? "").replace(/[^\p{L}]/gu, "")];
    if (w.acronym && letters.length >= 2 && letters.length <= 6) acronyms.push({ word, letters });
  }
  const matcher = { forms, acronyms };
  matchers.set(words, matcher);
  return matcher;
}

/**
 * A short stem must be the whole word, or it with a plural ending ("coe" / "coes", never "eu" in "europe"); a
 * longer one starts the word. Forms are filed by their first three letters, or as a whole short stem.
 */
function keyOf(stem: string): string {
  return stem.length <= 3 ? `=${stem}` : stem.slice(0, 3);
}

function startsWithStem(token: string, stem: string): boolean {
  if (stem.length <= 3) return token === stem || token === `${stem}s`;
  return token.startsWith(stem);
}

function hitsIn(tokens: Token[], matcher: Matcher): Hit[] {
  const content = tokens.filter((t) => !t.function);
  const hits: Hit[] = [];
  for (const [i, token] of content.entries()) {
    const keys = [token.text.slice(0, 3), `=${token.text}`, `=${token.text.replace(/s$/u, "")}`];
    for (const key of new Set(keys)) {
      for (const form of matcher.forms.get(key) ?? []) {
        if (i + form.stems.length > content.length) continue;
        if (form.stems.every((s, k) => startsWithStem(content[i + k]!.text, s))) {
          hits.push({ word: form.word, from: i, to: i + form.stems.length - 1 });
        }
      }
    }
    if (hits.length >= MAX_MATCHES) break;
  }
  for (const a of matcher.acronyms) hits.push(...acronymHits(tokens, a.letters, a.word));
  return hits.sort((x, y) => x.from - y.from).slice(0, MAX_MATCHES);
}

/**
 * Runs of the sentence's words whose initials spell the acronym, the function words among them counted or not
 * ("Centre of Excellence" for "CoE", "Conference of National Armaments Directors" for "CNAD"); a name's run starts
 * with a capital (« Centre d'excellence »), so "commander of Estonia" is not one.
 */
function acronymHits(tokens: Token[], letters: readonly string[], word: number): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.function || !tokens[i]!.capital || tokens[i]!.text[0] !== letters[0]) continue;
    let k = 1;
    let j = i + 1;
    for (; j < tokens.length && k < letters.length; j++) {
      const t = tokens[j]!;
      if (t.text[0] === letters[k]) k++;
      else if (!t.function) break;
    }
    const last = tokens[j - 1];
    if (k === letters.length && last && !last.function) hits.push({ word, from: tokens[i]!.at, to: last.at });
  }
  return hits;
}

/** The heaviest set of distinct words whose hits lie within a window of their count plus `GAP` content words. */
function bestWindow(hits: readonly Hit[], words: readonly PhraseWord[]): number {
  let best = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Map<number, number>();
    let end = -1;
    for (let j = i; j < hits.length; j++) {
      const h = hits[j]!;
      if (!seen.has(h.word)) seen.set(h.word, h.to - h.from);
      end = Math.max(end, h.to);
      const extra = [...seen.values()].reduce((n, x) => n + x, 0);
      const span = end - hits[i]!.from + 1;
      if (span > seen.size + GAP + extra) continue;
      if (seen.size < MIN_WORDS) continue;
      const weight = [...seen.keys()].reduce((n, w) => n + (words[w]?.weight ?? 0), 0);
      best = Math.max(best, weight);
    }
  }
  return best;
}

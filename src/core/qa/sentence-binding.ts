import { type Lang, otherLang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import { capitalised } from "../text/capitals.js";
import { fold } from "../text/fold.js";
import type { TermFinder } from "../trust/evidence.js";
import { clauseBinding, qualifierNames } from "./clause-binding.js";
import { alternativesOf, type Coverage } from "./coverage.js";
import { detailBinds, detailWords } from "./detail-binding.js";
import type { QuestionFocus } from "./focus.js";
import { textCovers } from "./focus-future.js";
import { releasePassages } from "./passages.js";
import type { Passage } from "./qa-types.js";
import { qualifierBinding } from "./qualifiers.js";
import type { Retrieval } from "./retriever.js";
import type { PassageMatch } from "./search-index.port.js";
import { isNationality, type SpecificWord } from "./specific-words.js";

/**
 * Binding at the sentence: the sentence that answers carries what is asked (a figure, a date, a person…) and must
 * also be about who or what the question names. A release may name Sweden and give a number of drones, but if the
 * sentence with the number is about six other countries' drones, it does not say how many Sweden pays for. The
 * question's names (specific-words.ts: proper nouns and nationalities the dictionary knows) are looked for in the
 * sentence, the sentence it translates, and its immediate context: the sentence before it (a pronoun or an
 * ellipsis refers back to it), and what the whole release is about, its title and its lead sentence. With the
 * glossary, a name is said by its official forms too, and a nationality by its country and a country by its people
 * (« le congrès américain » by "the United States Congress"). Common nouns are left to the release-level coverage:
 * a question's nouns are often the verb's (« combien a coûté », "worth") or said otherwise in the answering sentence. Words no dictionary knows are left too (a typo, a coined word).
 * Measured on dev: all specific words cost 8 answers for 6 declines, names with words no dictionary knows 3 for 2,
 * known names without the lead sentence as context 1 for 2, this 0 for 2.
 */
export interface BindingLookups {
  /** The query's other spellings of the question's words (glossary forms, field synonyms). */
  alternatives?: Readonly<Record<string, readonly string[]>> | undefined;
  lexicon?: BilingualLexicon | undefined;
  /** A question word's forms when the caller has them already (`formsOf` otherwise). */
  forms?: ((word: SpecificWord) => readonly string[]) | undefined;
  /** The glossary's terms: a name's official forms, and a nationality's country or a country's people. */
  terms?: TermFinder | undefined;
}

/** Most other-language equivalents of one word looked for: past it the word is too ambiguous to widen with. */
const MAX_EQUIVALENTS = 16;

/** Whether the passage, with its immediate context, names every known name of the question. No names, no rule. */
export function sentenceBinds(
  words: readonly SpecificWord[],
  passage: Passage,
  release: Release | undefined,
  lang: Lang,
  lookups: BindingLookups = {},
): boolean {
  const names = words.filter((w) => w.kind === "name" && !w.unknown);
  if (names.length === 0) return true;
  const text = contextOf(passage, release).join("\n");
  return names.every((w) => textCovers(text, w.surface, lookups.forms?.(w) ?? formsOf(w, lang, lookups)));
}

/** The sentence, the one it translates, the sentence before it, and the release's title and lead sentence. */
function contextOf(passage: Passage, release: Release | undefined): string[] {
  const own = [passage.text, ...(passage.original ? [passage.original.text] : []), passage.title];
  if (!release) return own;
  // The release's own sentences in the language of the sentence (or of the one it translates), in order.
  const source = passage.original ?? { lang: passage.lang, text: passage.text };
  const sentences = releasePassages(release).filter((p) => p.lang === source.lang && p.kind === "body");
  const at = sentences.findIndex((p) => p.text === source.text);
  const [lead] = sentences;
  // A brief's sentence is none of the release's own: the release's title and lead still say what it is about.
  if (!lead) return own;
  const out = [...own, lead.title, lead.text];
  const before = sentences[at - 1];
  if (at > 0 && before) out.push(before.text);
  return out;
}

/** The word as asked, its lemma, the query's other spellings of it, and the lexicon's other-language equivalents. */
export function formsOf(word: SpecificWord, lang: Lang, lookups: BindingLookups): string[] {
  const alternatives = lookups.alternatives ?? {};
  const forms = [
    word.lemma,
    ...alternativesOf(alternatives, word.surface),
    ...alternativesOf(alternatives, word.lemma),
  ];
  if (lookups.terms) forms.push(...glossaryForms(word, lang, lookups.terms));
  const lexicon = lookups.lexicon;
  if (lexicon) {
    for (const base of new Set([word.lemma, word.surface])) {
      const equivalents = lexicon.equivalents(base, lang, otherLang(lang));
      if (equivalents.length <= MAX_EQUIVALENTS) forms.push(...equivalents.map((e) => e.lemma));
    }
  }
  return [...new Set(forms.map((f) => f.replace(/#/gu, "").trim()).filter(Boolean))];
}

/** Forms of this many letters or fewer ("US", "EI", "USA") are left out: `textCovers` would take "used" for "US". */
const MIN_GLOSSARY_FORM = 4;

/**
 * The glossary's forms of the word as a whole term, in both languages, and of the term it belongs to: a nationality
 * names its country and a country its people (« américain » is said by "the United States Congress", "Polish" by
 * « la Pologne »), an acronym typed in lower case its spelled-out forms ("isis": « Daech »).
 */
function glossaryForms(word: SpecificWord, lang: Lang, terms: TermFinder): string[] {
  const spellings = new Set([word.surface, word.lemma].flatMap((w) => [w, capitalised(w), w.toUpperCase()]));
  const out: string[] = [];
  for (const spelled of spellings)
    for (const textLang of [lang, otherLang(lang)])
      for (const m of terms(spelled, textLang))
        if (fold(m.source.toLowerCase()) === fold(spelled.toLowerCase())) out.push(...m.forms.en, ...m.forms.fr);
  return out.filter((f) => fold(f).replace(/[^\p{L}\p{N}]+/gu, "").length >= MIN_GLOSSARY_FORM);
}

/**
 * Which passages of the retrieval are bound to the question (`text`, without its date words, in `lang`); every
 * one when the tagger is not there or the question has no specific word. With the question's `focus`, what it
 * asks for must also be in a part of the sentence that is about its names (clause-binding.ts), and a share or a
 * nationality it asks about said by the sentence, not another's (qualifiers.ts).
 */
export async function bindingOf(
  coverage: Coverage | undefined,
  text: string,
  lang: Lang,
  retrieval: Retrieval,
  lexicon?: BilingualLexicon | undefined,
  focus?: QuestionFocus | undefined,
  /** The glossary's terms: which names of a sentence are countries and nationalities (clause-binding.ts). */
  terms?: TermFinder | undefined,
): Promise<(m: PassageMatch) => boolean> {
  const tagged = coverage ? await coverage.questionWords(text, lang) : undefined;
  if (!tagged || tagged.length === 0) return () => true;
  // "how many swedish troops": a nationality typed in lower case (read as a common noun) names whose, as a name does.
  const words = tagged.map((w) =>
    w.kind === "common" && lexicon && isNationality({ ...w, pos: "noun" }, lang, lexicon, true)
      ? { ...w, kind: "name" as const }
      : w,
  );
  const known = new Map<string, boolean>();
  const lookups = { alternatives: retrieval.query.alternatives, lexicon, terms };
  const given = new Set(
    text
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => fold(w.toLowerCase())),
  );
  // Each question word's forms, looked up once for all the passages judged.
  const formsByWord = new Map(words.map((w) => [w, formsOf(w, lang, lookups)]));
  const forms = (w: SpecificWord) => formsByWord.get(w) ?? formsOf(w, lang, lookups);
  const withForms = { ...lookups, forms };
  const clauseLookups = { ...withForms, given };
  // The question's countries and nationalities, found once for both rules that read them.
  const qualifiers = focus && focus.kind !== "any" ? qualifierNames(words, lang, clauseLookups) : undefined;
  const clauses = focus ? clauseBinding(focus, qualifiers, clauseLookups) : () => true;
  const owned = focus
    ? qualifierBinding(text, focus, lang, {
        terms,
        namesOurs: qualifiers?.namesAny,
        ours: qualifiers?.ours,
        whose: qualifiers?.whose,
      })
    : () => true;
  // The question's details its release has, said near the answer (detail-binding.ts).
  const details = focus ? detailWords(words, focus.kind, lang, lexicon) : [];
  const detailLookups = { forms };
  return (m) => {
    let binds = known.get(m.passage.id);
    if (binds === undefined) {
      const release = retrieval.releases.get(m.passage.releaseId);
      binds =
        sentenceBinds(words, m.passage, release, lang, withForms) &&
        clauses(m.passage) &&
        owned(m.passage) &&
        detailBinds(details, m.passage, release, detailLookups);
      known.set(m.passage.id, binds);
    }
    return binds;
  };
}

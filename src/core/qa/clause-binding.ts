import { type Lang, otherLang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import { fold } from "../text/fold.js";
import { NOT_NAMES } from "../text/names.js";
import { clausesOf } from "./clauses.js";
import { alternativesOf } from "./coverage.js";
import { carriesKind, type QuestionFocus } from "./focus.js";
import { textCovers } from "./focus-future.js";
import { isMonthOrDay, UBIQUITOUS } from "./focus-names.js";
import { personNames } from "./focus-person.js";
import type { Passage } from "./qa-types.js";
import { isNationality, type SpecificWord } from "./specific-words.js";

/**
 * Binding at the clause: what the question asks for (a figure, a date, a person…) must belong to who or what it
 * names. "How many Stinger missiles did Latvia order?" is not answered by "Germany, the Netherlands, Estonia,
 * Latvia and Lithuania take part; Germany placed the largest order, with 500 missiles": the sentence names Latvia,
 * but the 500 missiles are in the part about Germany. The sentence is cut into its parts (clauses.ts); the parts
 * that carry what is asked are the answer's; one of them must name every name the question restricts with (a
 * country, a nationality, a place, a person the dictionary knows, in either language), itself or through the part
 * a relative clause depends on, or else name no other name of that kind. A part that names no other name leaves
 * the question's names to the sentence's context (sentence-binding.ts): "Latvia will receive 12 systems; the
 * first arrive in 2027" answers "when does Latvia get its first system?", the release is about Latvia.
 *
 * Only for a question that asks for something a sentence may carry in one part (a figure, a date, a duration, a
 * person, a place); a sentence where no single part carries it is left to the sentence-level rules. The sentence
 * read is the one as published (a stored translation's original): machine translation may reorder its parts.
 */
export interface ClauseLookups {
  /** The query's other spellings of the question's words (for what a figure counts). */
  alternatives?: Readonly<Record<string, readonly string[]>> | undefined;
  lexicon?: BilingualLexicon | undefined;
  /** A question word's spellings, both languages (sentence-binding.ts `formsOf`). */
  forms: (word: SpecificWord) => readonly string[];
  /** The question's words, folded: a name of the sentence the question says is not another's. */
  given: ReadonlySet<string>;
}

export function clauseBinds(
  words: readonly SpecificWord[],
  focus: QuestionFocus,
  passage: Passage,
  lang: Lang,
  lookups: ClauseLookups,
): boolean {
  // A nationality the tagger read as a common noun ("the portuguese detachment") restricts as much as a name.
  const { lexicon } = lookups;
  const nationality = (w: SpecificWord) =>
    !!lexicon &&
    w.kind !== "figure" &&
    isNationality({ surface: w.surface, lemma: w.lemma, pos: "noun" }, lang, lexicon, true);
  const names = words.filter((w) => (w.kind === "name" && !w.unknown) || nationality(w));
  if (names.length === 0 || focus.kind === "any") return true;
  const source = passage.original ?? { lang: passage.lang, text: passage.text };
  const clauses = clausesOf(source.text);
  if (clauses.length < 2) return true;
  const alternatives = (w: string) => alternativesOf(lookups.alternatives ?? {}, w);
  const answering = clauses.filter((c) => carriesKind(focus, c.text, source.lang, { alternatives }));
  if (answering.length === 0) return true;
  const forms = new Map(words.map((w) => [w, [w.surface, ...lookups.forms(w)]]));
  const other = otherName(source.lang, lookups.lexicon);
  // "Polish" is Poland's, « français » France's: a name or nationality that opens as a form of the question's name.
  const kin = (word: string, w: SpecificWord) => other(word) && (forms.get(w) ?? []).some((f) => sameStem(word, f));
  const ours = (word: string) =>
    lookups.given.has(fold(word.toLowerCase())) ||
    words.some((w) => textCovers(word, w.surface, forms.get(w) ?? []) || kin(word, w));
  return answering.some((c) => {
    const unit = c.governor === undefined ? c.text : `${clauses[c.governor]?.text ?? ""} ${c.text}`;
    const unitWords = wordsOf(unit);
    const says = (w: SpecificWord) =>
      textCovers(unit, w.surface, forms.get(w) ?? []) || unitWords.some((u) => kin(u, w));
    if (names.every(says)) return true;
    // The person who answers is what is asked, not another subject.
    const answer = new Set(
      focus.kind === "person" ? personNames(c.text, source.lang, focus.given.words).flatMap(wordsOf) : [],
    );
    return !unitWords.some((word) => !answer.has(word) && !ours(word) && other(word));
  });
}

/** Letters a country and its nationality share at the start, in both languages ("Pol-and", "Pol-ish", « Pol-ogne »). */
const KIN_LETTERS = 3;

function sameStem(word: string, form: string): boolean {
  const [a, b] = [fold(word.toLowerCase()), fold(form.toLowerCase())];
  return a.length > KIN_LETTERS && b.length > KIN_LETTERS && a.slice(0, KIN_LETTERS) === b.slice(0, KIN_LETTERS);
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+(?:[’'-][\p{L}\p{M}]+)*/gu) ?? [];
}

/**
 * Whether a word of the text is a name of the kind a question restricts with: a proper noun the dictionary knows
 * (a country, a city, a region), capitalised, or a nationality (capitalised in English, not in French: « des chars
 * Leopard 2 espagnols »). Institutional words, months and days are not. Without a dictionary, none is.
 */
function otherName(lang: Lang, lexicon: BilingualLexicon | undefined): (word: string) => boolean {
  if (!lexicon?.available()) return () => false;
  const known = new Map<string, boolean>();
  return (raw) => {
    const word = raw.replace(/^(?:l|d|qu|s|n)['’]/iu, "").replace(/['’]s$/u, "");
    let is = known.get(word);
    if (is === undefined) {
      const capital = /^\p{Lu}\p{Ll}/u.test(word);
      is =
        word.length > 2 &&
        !NOT_NAMES.en.has(word) &&
        !NOT_NAMES.fr.has(word) &&
        !UBIQUITOUS.has(word) &&
        !isMonthOrDay(word) &&
        ((capital && lexicon.equivalents(word, lang, otherLang(lang)).some((e) => e.pos === "np")) ||
          ((capital || lang === "fr") &&
            isNationality({ surface: word, lemma: word, pos: "adjective" }, lang, lexicon, true)));
      known.set(word, is);
    }
    return is;
  };
}

import type { Lang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import { capitalised } from "../text/capitals.js";
import { fold } from "../text/fold.js";
import type { TermFinder, TermMatch } from "../trust/evidence.js";
import { clausesOf } from "./clauses.js";
import { alternativesOf } from "./coverage.js";
import { carriesKind, type QuestionFocus } from "./focus.js";
import { textCovers } from "./focus-future.js";
import type { Passage } from "./qa-types.js";
import { isNationality, type SpecificWord } from "./specific-words.js";

/**
 * Binding at the clause: what the question asks for (a figure, a date, a person…) must belong to who or what it
 * names. "How many Stinger missiles did Latvia order?" is not answered by "Germany, the Netherlands, Estonia,
 * Latvia and Lithuania take part; Germany placed the largest order, with 500 missiles": the sentence names Latvia,
 * but the 500 missiles are in the part about Germany. The sentence is cut into its parts (clauses.ts); the parts
 * that carry what is asked are the answer's; one of them must name every country or nationality the question
 * names (the glossary's, in either language; "Polish" names Poland), itself or through the part a relative clause
 * depends on, or through a relative clause that follows what answers (« …près de Plovdiv, où ils assureront la
 * police du ciel aux côtés de l'aviation bulgare »: the place is in Bulgaria), or else name no other country or
 * nationality. A part that names none leaves the question's names to
 * the sentence's context (sentence-binding.ts): "Latvia will receive 12 systems; the first arrive in 2027"
 * answers "when does Latvia get its first system?", the release is about Latvia.
 *
 * Only for a question that asks for something (a figure, a date, a duration, a person, a place), and a sentence of
 * two parts at least. A sentence that carries it only across a cut (the figure in one part, what it counts in the
 * next) is not bound. The sentence read is the one as published (a stored translation's original): machine
 * translation may reorder its parts.
 */
export interface ClauseLookups {
  /** The query's other spellings of the question's words (for what a figure counts). */
  alternatives?: Readonly<Record<string, readonly string[]>> | undefined;
  lexicon?: BilingualLexicon | undefined;
  /** The glossary's terms in a text: which of its names are countries and nationalities. Without it, no rule. */
  terms?: TermFinder | undefined;
  /** A question word's spellings, both languages (sentence-binding.ts `formsOf`). */
  forms: (word: SpecificWord) => readonly string[];
  /** The question's words, folded: a name of the sentence the question says is not another's. */
  given: ReadonlySet<string>;
}

/** The kinds of glossary terms that say whose a figure is: a country, or its people ("Polish", « espagnols »). */
const RESTRICTING_KINDS = new Set(["country", "demonym"]);

/** `clauseBinding` for one passage. */
export function clauseBinds(
  words: readonly SpecificWord[],
  focus: QuestionFocus,
  passage: Passage,
  lang: Lang,
  lookups: ClauseLookups,
): boolean {
  return clauseBinding(focus, qualifierNames(words, lang, lookups), lookups)(passage);
}

/**
 * The clause rule for one question: its countries and nationalities and their forms (`qualifierNames`, found once
 * per question and shared with qualifiers.ts), then each passage is judged (`bindingOf` asks it of every candidate
 * passage).
 */
export function clauseBinding(
  focus: QuestionFocus,
  qualifiers: QualifierNames | undefined,
  lookups: ClauseLookups,
): (passage: Passage) => boolean {
  const { terms } = lookups;
  if (focus.kind === "any" || !terms || !qualifiers) return () => true;
  const { names, covers, ours } = qualifiers;
  const alternatives = (w: string) => alternativesOf(lookups.alternatives ?? {}, w);
  return (passage) => {
    const source = passage.original ?? { lang: passage.lang, text: passage.text };
    const clauses = clausesOf(source.text);
    // A sentence of one part is left to the sentence's context. Measured on dev: judging it too traded an answer for
    // a decline ("…à 300 kilomètres de la frontière ukrainienne" names Ukraine beside the place asked about).
    if (clauses.length < 2) return true;
    const answering = clauses.filter((c) => carriesKind(focus, c.text, source.lang, { alternatives }));
    // The sentence carries what is asked only across a cut ("…150 advisers, followed by Türkiye and Italy" for
    // Turkish advisers): the figure and what it should count are in different parts. When the sentence as a whole
    // does not carry it either (the question's words are in its translation), it is not judged.
    if (answering.length === 0) return !carriesKind(focus, source.text, source.lang, { alternatives });
    const sayer = (text: string) => {
      const entities = entitiesOf(text, source.lang, terms);
      // "Polish" says Poland, « français » France: a nationality's forms include its country's.
      const says = (w: SpecificWord) => covers(text, w) || entities.some((forms) => forms.some((f) => covers(f, w)));
      return { entities, says };
    };
    return answering.some((c) => {
      const at = clauses.indexOf(c);
      const unit = c.governor === undefined ? c.text : `${clauses[c.governor]?.text ?? ""} ${c.text}`;
      const { entities, says } = sayer(unit);
      if (names.every(says)) return true;
      // A relative clause right after what answers is about it (« …la base de Graf Ignatievo, près de Plovdiv, où
      // ils assureront la police du ciel aux côtés de l'aviation bulgare »: the base is in Bulgaria): its names are
      // the answer's too, when the part itself names no other country or nationality.
      const own = !entities.some((forms) => !forms.some(ours));
      const about = clauses.filter((o) => o.governor === at);
      if (own && about.length > 0 && carriesKind(focus, tail(c.text), source.lang, { alternatives })) {
        const lent = sayer([unit, ...about.map((o) => o.text)].join(" "));
        if (names.every(lent.says)) return true;
      }
      // Named only in a relative clause about something else ("…Brigadier General Lemaire, who leads the battlegroup
      // in Romania"): the sentence names it for that, not for the figure.
      const elsewhere = clauses.some(
        (o) => o !== c && o.governor !== undefined && names.some((w) => !says(w) && covers(o.text, w)),
      );
      if (elsewhere) return false;
      return !entities.some((forms) => !forms.some(ours));
    });
  };
}

/** How many words at the end of a part a relative clause after it may be about: "…near Plovdiv, where". */
const TAIL_WORDS = 6;

/** The last words of a part: what a relative clause that follows it is about. */
function tail(text: string): string {
  const words = text.trim().split(/\s+/u);
  return words.slice(-TAIL_WORDS).join(" ");
}

/** The question's countries and nationalities (`clauseBinding`), and how a text or a form is matched to them. */
export interface QualifierNames {
  names: SpecificWord[];
  /** Whether the text says the word, in one of its forms. */
  covers: (text: string, w: SpecificWord) => boolean;
  /** Whether a form of a country or nationality is one of the question's words: not another's. */
  ours: (form: string) => boolean;
  /** Whether the text names one of the question's countries or nationalities, itself or through the glossary. */
  namesAny: (text: string, lang: Lang) => boolean;
  /**
   * Whether one of them is a nationality as asked ("the Swedish contingent", « les Rafale français »): the question
   * says whose, not only where ("the mission in Iraq").
   */
  whose: boolean;
}

/**
 * The question's words that are a country or a nationality (the glossary's, in either language; a nationality the
 * tagger read as a common noun, "the portuguese detachment", too); undefined when it names none.
 */
export function qualifierNames(
  words: readonly SpecificWord[],
  lang: Lang,
  lookups: ClauseLookups,
): QualifierNames | undefined {
  const { lexicon, terms } = lookups;
  if (!terms) return undefined;
  const nationality = (w: SpecificWord) =>
    !!lexicon &&
    w.kind !== "figure" &&
    isNationality({ surface: w.surface, lemma: w.lemma, pos: "noun" }, lang, lexicon, true);
  const forms = new Map(words.map((w) => [w, [w.surface, ...lookups.forms(w)]]));
  // Only a country or a nationality of the question restricts whose the figure is (its forms, capitalised as the
  // glossary writes them, in either language): a place, a body, a person is left to the sentence's context.
  const restricting = (w: SpecificWord) =>
    nationality(w) || (forms.get(w) ?? []).some((f) => isEntity(capitalised(f), terms));
  const names = words.filter((w) => w.kind !== "figure" && !w.unknown && restricting(w));
  if (names.length === 0) return undefined;
  const covers = (text: string, w: SpecificWord) => textCovers(text, w.surface, forms.get(w) ?? []);
  const ours = (form: string) => lookups.given.has(fold(form.toLowerCase())) || words.some((w) => covers(form, w));
  const namesAny = (text: string, textLang: Lang) => {
    const entities = entitiesOf(text, textLang, terms);
    return names.some((w) => covers(text, w) || entities.some((e) => e.some((f) => covers(f, w))));
  };
  // The word as asked: its forms include its country's nationality ("Iraq" → "Iraqi"), which it does not say.
  const whose = names.some((w) => nationality(w) || [w.surface, w.lemma].some((f) => isDemonym(capitalised(f), terms)));
  return { names, covers, ours, namesAny, whose };
}

/**
 * Whether the glossary reads the word, in either language, as a nationality: one of the nationality's own forms, not
 * its country, which the glossary relates to it ("Iraq" finds the entry of "Iraqi" too).
 */
function isDemonym(word: string, terms: TermFinder): boolean {
  const own = (m: TermMatch) =>
    [...m.forms.en, ...m.forms.fr].some((f) => fold(f.toLowerCase()) === fold(m.source.toLowerCase()));
  return (["en", "fr"] as const).some((lang) => terms(word, lang).some((m) => m.kind === "demonym" && own(m)));
}

/** Whether the glossary reads the word, in either language, as a country or a nationality. */
function isEntity(word: string, terms: TermFinder): boolean {
  return (["en", "fr"] as const).some((lang) => entitiesOf(word, lang, terms).length > 0);
}

/**
 * The countries and nationalities the glossary finds in the text, each as every form of it and of what it is
 * related to (a nationality's country), in both languages.
 */
function entitiesOf(text: string, lang: Lang, terms: TermFinder): string[][] {
  const bySource = new Map<string, { restricting: boolean; forms: string[] }>();
  for (const m of terms(text, lang)) {
    const key = fold(m.source.toLowerCase());
    const entry = bySource.get(key) ?? { restricting: false, forms: [m.source] };
    entry.restricting ||= RESTRICTING_KINDS.has(m.kind ?? "");
    entry.forms.push(...m.forms.en, ...m.forms.fr);
    bySource.set(key, entry);
  }
  return [...bySource.values()].filter((e) => e.restricting).map((e) => e.forms);
}

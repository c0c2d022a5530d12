import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import type { TermFinder } from "../trust/evidence.js";
import type { QuestionFocus } from "./focus.js";
import type { Passage } from "./qa-types.js";

/**
 * What a question says its figure is of, beyond what it counts: a share ("how much does EACH ally pay", « combien
 * reçoit CHAQUE entreprise ») or a nationality ("how many Finnish cyber defenders"). A sentence that gives the total
 * of all ("Twenty-three Allies have committed a combined 1.8 billion euros") or another nationality's figure ("…as
 * Czech pilots shadowed an Il-20" for the Portuguese rotation) is near the topic, not an answer. Two rules, each in
 * the passage's own language (the sentence, and the one a stored translation renders):
 *
 * - a question that asks for a share (each, every, per, apiece; « chaque », « chacun », « par an ») is answered only
 *   by a sentence that says a share too ("Each company receives…", « …six semaines chacun », « à 600 par an »);
 * - a question that names a country or a nationality is not answered by a sentence that names a nationality as
 *   such ("Czech pilots", « des Eurofighter espagnols ») and none of the question's: the figure is that people's.
 *   A country alone says where as often as whose ("19 sorties over Romania"), and a sentence that names none is
 *   left to its context (sentence-binding.ts: the release's subject, the sentence before).
 *
 * Only for a question that asks for a figure, a duration or a person: a place or a date is often said beside a
 * nationality ("300 kilometres from the Ukrainian border").
 */
const ASKS_SHARE: Record<Lang, RegExp> = {
  en: /(?<![\p{L}\p{N}])(?:each|every|per|apiece)(?![\p{L}\p{N}])/iu,
  fr: /(?<![\p{L}\p{N}])(?:chaque|chacun|chacune|chacuns|chacunes|par (?:an|année|annee|mois|semaine|jour|tête|tete|personne|pays|allié|allie|membre))(?![\p{L}\p{N}])/iu,
};
const SAYS_SHARE: Record<Lang, RegExp> = {
  en: /(?<![\p{L}\p{N}])(?:each|every|per|apiece|annually|yearly|a (?:year|month|week|day|head))(?![\p{L}\p{N}])/iu,
  fr: /(?<![\p{L}\p{N}])(?:chaque|chacun|chacune|chacuns|chacunes|annuellement|par (?!(?:le|la|les|un|une|des|du|de|ce|cet|cette|ces|son|sa|ses|leur|leurs|l|d)(?![\p{L}\p{N}]))\p{L})/iu,
};
const JUDGED: ReadonlySet<QuestionFocus["kind"]> = new Set(["figure", "duration", "person"]);

/** Whether the question asks for a share ("each", « chaque »): `qualifierBinding`'s first rule. */
export function asksShare(question: string, lang: Lang): boolean {
  return ASKS_SHARE[lang].test(question);
}

/** Whether the text says a share: "each", "per", "a year", « chacun », « par an ». */
export function saysShare(text: string, lang: Lang): boolean {
  return SAYS_SHARE[lang].test(text);
}

export interface QualifierLookups {
  /** The glossary's terms: which words of a sentence are nationalities. Without it, no nationality rule. */
  terms?: TermFinder | undefined;
  /** Whether the text names one of the question's countries or nationalities (clause-binding.ts `qualifierNames`). */
  namesOurs?: ((text: string, lang: Lang) => boolean) | undefined;
  /** Whether a form of a country or nationality is one of the question's. */
  ours?: ((form: string) => boolean) | undefined;
}

/** The two rules above for one question, then for each passage. */
export function qualifierBinding(
  question: string,
  focus: QuestionFocus,
  lang: Lang,
  lookups: QualifierLookups,
): (passage: Passage) => boolean {
  if (!JUDGED.has(focus.kind)) return () => true;
  const share = focus.kind !== "person" && asksShare(question, lang);
  const { terms, namesOurs, ours } = lookups;
  const nationality = terms && namesOurs && ours;
  if (!share && !nationality) return () => true;
  return (passage) => {
    const texts = [{ lang: passage.lang, text: passage.text }, ...(passage.original ? [passage.original] : [])];
    if (share && !texts.some((t) => saysShare(t.text, t.lang))) return false;
    if (!nationality) return true;
    const source = passage.original ?? { lang: passage.lang, text: passage.text };
    if (namesOurs(source.text, source.lang)) return true;
    return !nationalitiesOf(source.text, source.lang, terms).some((forms) => !forms.some(ours));
  };
}

/**
 * The nationalities the text names as such ("Czech pilots", « espagnols »), not a country ("Finland"): each as its
 * forms and its country's, in both languages.
 */
export function nationalitiesOf(text: string, lang: Lang, terms: TermFinder): string[][] {
  const out: string[][] = [];
  for (const m of terms(text, lang)) {
    if (m.kind !== "demonym") continue;
    const source = fold(m.source.toLowerCase());
    if (!m.forms[lang].some((f) => fold(f.toLowerCase()) === source)) continue;
    const related = terms(m.source, lang).flatMap((r) => [...r.forms.en, ...r.forms.fr]);
    out.push([m.source, ...m.forms.en, ...m.forms.fr, ...related]);
  }
  return out;
}

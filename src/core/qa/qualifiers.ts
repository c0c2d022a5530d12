import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import { digitRuns } from "../text/quantities.js";
import type { TermFinder } from "../trust/evidence.js";
import { isYear } from "./figure-kind.js";
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
 *   left to its context (sentence-binding.ts: the release's subject, the sentence before);
 * - nor, for a figure, by a sentence that names it only as one of a list of countries or nationalities the question
 *   does not all name ("40 helicopters on behalf of Belgium, the Czech Republic, Luxembourg…" for Belgium's): the
 *   figure is the group's, unless the sentence says a share ("…will each receive");
 * - a question that names a year ("in 2025") is not answered by a sentence that names years, none of them its own
 *   (« …64 reprises entre le 1er janvier et le 30 juin 2026 » for 2025's): the figure is another period's.
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
  /** Whether the question names a nationality as such (clause-binding.ts `QualifierNames.whose`). */
  whose?: boolean | undefined;
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
  const years = [...focus.given.digits].filter(isYear);
  const { terms, namesOurs, ours } = lookups;
  const nationality = terms && namesOurs && ours;
  if (!share && years.length === 0 && !nationality) return () => true;
  return (passage) => {
    const texts = [{ lang: passage.lang, text: passage.text }, ...(passage.original ? [passage.original] : [])];
    const sharing = texts.some((t) => saysShare(t.text, t.lang));
    if (share && !sharing) return false;
    if (years.length > 0 && !texts.some((t) => coversYears(t.text, years, focus.kind !== "person"))) return false;
    if (!nationality) return true;
    const source = passage.original ?? { lang: passage.lang, text: passage.text };
    if (namesOurs(source.text, source.lang)) {
      return focus.kind !== "figure" || sharing || !onlyInList(source.text, source.lang, terms, ours);
    }
    // Asked who leads the mission in Iraq, a release whose title is about Iraq answers with "Major General Dany
    // Fortin of the Canadian Armed Forces": the person is its subject's, their nationality their own. Not when the
    // question says whose ("who commands the Portuguese detachment"): another nationality is then someone else.
    if (focus.kind === "person" && lookups.whose === false && namesOurs(passage.title, passage.lang)) return true;
    return !nationalitiesOf(source.text, source.lang, terms).some((forms) => !forms.some(ours));
  };
}

/** "since 2008", « depuis 2008 »: a period that runs on, through every year after it. */
const SINCE =
  /(?:since|depuis)\s+(?:(?:the\s+)?(?:start|end|beginning|début|fin)\s+(?:of\s+|de\s+|d['’]\s*)?)?((?:19|20)\d\d)(?!\d)/giu;

/**
 * Whether the text's years leave room for the question's: it names none, one of them, or, for a figure or a
 * duration (`running`), a period running since one before ("Allies have policed Icelandic skies since 2008, three
 * or four times a year" for 2025). Not for a person: "…succeeds General X, who had led the headquarters since
 * 2022" is about the one before, not who leads since September 2025.
 */
function coversYears(text: string, years: readonly string[], running: boolean): boolean {
  const said = [...digitRuns(text)].filter(isYear);
  if (said.length === 0 || said.some((y) => years.includes(y))) return true;
  return running && [...text.matchAll(SINCE)].some((m) => years.some((y) => Number(y) >= Number(m[1])));
}

/** What may stand between two items of a list of countries: a comma, "and" / « et », a determiner. */
const LIST_GAP =
  /^(?:\s*,\s*|\s+)(?:(?:and|or|as well as|et|ou|ainsi que)\s+)?(?:(?:the|de|du|des|la|le|les|à|au|aux|en)\s+|(?:d|l)['’]\s*)*$/iu;

interface Mention {
  start: number;
  end: number;
  ours: boolean;
}

/**
 * Whether every mention of the question's countries and nationalities in the text is an item of a list that names
 * another one too ("Belgium, the Czech Republic, Luxembourg, the Netherlands and Norway").
 */
export function onlyInList(text: string, lang: Lang, terms: TermFinder, ours: (form: string) => boolean): boolean {
  const mentions = mentionsOf(text, lang, terms, ours);
  const own = mentions.filter((m) => m.ours);
  if (own.length === 0) return false;
  const listed = (i: number) => {
    let [from, to] = [i, i];
    while (from > 0 && adjacent(text, mentions[from - 1], mentions[from])) from--;
    while (to < mentions.length - 1 && adjacent(text, mentions[to], mentions[to + 1])) to++;
    return mentions.slice(from, to + 1).some((m) => !m.ours);
  };
  return mentions.every((m, i) => !m.ours || listed(i));
}

function adjacent(text: string, a: Mention | undefined, b: Mention | undefined): boolean {
  return !!a && !!b && LIST_GAP.test(text.slice(a.end, b.start));
}

/** The countries and nationalities of the text where it writes them, in order, the longest where two overlap. */
function mentionsOf(text: string, lang: Lang, terms: TermFinder, ours: (form: string) => boolean): Mention[] {
  const found: Mention[] = [];
  for (const m of terms(text, lang)) {
    if (m.kind !== "country" && m.kind !== "demonym") continue;
    const own = [m.source, ...m.forms.en, ...m.forms.fr].some(ours);
    for (let at = text.indexOf(m.source); at >= 0; at = text.indexOf(m.source, at + 1)) {
      const end = at + m.source.length;
      if (/[\p{L}\p{N}]/u.test(text.charAt(at - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
      found.push({ start: at, end, ours: own });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of found) {
    const last = out.at(-1);
    if (last && m.start < last.end) last.ours ||= m.ours && m.end <= last.end;
    else out.push(m);
  }
  return out;
}

/**
 * The nationalities the text names as such ("Czech pilots", « espagnols »), not a country ("Finland"), nor only
 * as company ("…flying alongside Romanian and Italian fighters", « aux côtés de sapeurs lituaniens »: the figure is
 * still the subject's): each as its forms and its country's, in both languages.
 */
export function nationalitiesOf(text: string, lang: Lang, terms: TermFinder): string[][] {
  const out: string[][] = [];
  for (const m of terms(text, lang)) {
    if (m.kind !== "demonym") continue;
    const source = fold(m.source.toLowerCase());
    if (!m.forms[lang].some((f) => fold(f.toLowerCase()) === source)) continue;
    if (onlyAlongside(text, m.source)) continue;
    const related = terms(m.source, lang).flatMap((r) => [...r.forms.en, ...r.forms.fr]);
    out.push([m.source, ...m.forms.en, ...m.forms.fr, ...related]);
  }
  return out;
}

/** "alongside", "with", « aux côtés de », « avec », up to three words before the nationality. */
const ALONGSIDE =
  /(?<![\p{L}\p{N}])(?:alongside|beside|with|together with|as well as|aux côtés (?:de|des|du|d)|à côté (?:de|des|du|d)|avec|ainsi que?)(?:[^\p{L}\p{N}]+[\p{L}\p{N}’'-]+){0,3}[^\p{L}\p{N}]+$/iu;

/** Whether every time the text writes the word, it is in the company of the subject ("alongside Romanian…"). */
function onlyAlongside(text: string, word: string): boolean {
  let seen = false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    seen = true;
    if (!ALONGSIDE.test(text.slice(Math.max(0, at - 60), at))) return false;
  }
  return seen;
}

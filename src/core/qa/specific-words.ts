import { type Lang, otherLang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import type { TaggedWord } from "../ports/pos-tagger.port.js";
import { fold } from "../text/fold.js";

/**
 * The specific content of a question: what a release must speak of to answer it. "How many tanks does Estonia
 * have?" asks about tanks and Estonia; a release about Estonia's aircraft is near the topic, not an answer. From
 * the tagger's reading of the question in context: common nouns, proper nouns, numerals and ordinals, and
 * nationality adjectives ("French", « italiens »), by lemma. Verbs, other adjectives and grammar words are not.
 */
export interface SpecificWord {
  surface: string;
  lemma: string;
  /**
   * A name (a proper noun, or a word no dictionary knows), a common word, or either (a lower-case "turkey" the
   * dictionary knows as a bird and as a country): what a homograph check compares.
   */
  kind: "name" | "common" | "either" | "figure";
  /** No dictionary knows the word: a typo, a foreign name, a coined word ("battlegroup"); `Coverage` may forgive one. */
  unknown?: boolean;
  /** A name right after another name of the question: one name of several words ("Baltic Sentry", "A330 MRTT"). */
  continues?: boolean;
  /** The noun the question asks for ("which tanks", "what is the budget"): asked-noun.ts. */
  asked?: boolean;
}

/**
 * Words of the field that nearly every release has, or that only frame the question ("the name of…", "what
 * number…"): they say nothing about which release answers. General NATO vocabulary and question frames, written
 * as a reader of any NATO release would, in both languages.
 */
const GENERIC = new Set(
  [
    // The Alliance itself and its members.
    "nato otan ally allies allie allies alliance member members membre membres country countries pays nation nations",
    // Units of time and counting that a question frames its ask with.
    "year years an ans annee annees temps month months mois week weeks semaine semaines day days jour jours time times fois",
    // What a question asks for, not what about: "the name of", « le nombre de », "what percentage".
    "name nom number nombre total amount montant percentage pourcentage share part figure chiffre date place lieu",
    // The kind of place a "which" question asks for: the answer names it ("Vilnius") without the word, and the
    // words that only say "where" ("the radar site", « l'emplacement du radar »).
    "city cities ville villes town towns capital capitale",
    "site sites location locations emplacement emplacements endroit endroits",
    "people personne personnes gens thing things chose choses kind type sort",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Prepositions of several words whose noun says nothing the release must speak of: « combien de mines détruites
 * grâce à l’OTAN » asks about mines, not about grace; "who is in charge of the mission" about the mission. Each is
 * its words folded, `*` marking the noun, a `|` between the spellings of a word (typed without accents: « grace a »).
 */
const LOCUTIONS: Record<Lang, readonly string[]> = {
  en: [
    "*thanks to",
    "on *behalf of",
    "in *spite of",
    "by *means of",
    "in *terms of",
    "with *regard to",
    "in *view of",
    "on *account of",
    "in *charge of",
    "in *front of",
    "in *favour|favor of",
  ],
  fr: [
    "*grace a|au|aux",
    "a *cause de|du|des|d",
    "en *raison de|du|des|d",
    "au *sein de|du|des|d",
    "au *lieu de|du|des|d",
    "en *faveur de|du|des|d",
    "en *matiere de|d",
    "a l *egard de|du|des|d",
    "en *termes de|d",
    "au *moyen de|du|des|d",
    "par *rapport a|au|aux",
    "*face a|au|aux",
    "a la *tete de|du|des|d",
  ],
};

interface Locution {
  words: readonly (readonly string[])[];
  noun: number;
}
const PARSED: Record<Lang, readonly Locution[]> = {
  en: LOCUTIONS.en.map(parseLocution),
  fr: LOCUTIONS.fr.map(parseLocution),
};

function parseLocution(text: string): Locution {
  const parts = text.split(" ");
  return { words: parts.map((p) => p.replace("*", "").split("|")), noun: parts.findIndex((p) => p.startsWith("*")) };
}

/** The positions of the nouns of `tagged` that are part of one of the language's prepositions of several words. */
function locutionNouns(tagged: readonly TaggedWord[], lang: Lang): Set<number> {
  const folded = tagged.map((w) => fold(w.surface.toLowerCase()).replace(/['’]$/u, ""));
  const out = new Set<number>();
  for (const { words, noun } of PARSED[lang])
    for (let start = 0; start + words.length <= folded.length; start++)
      if (words.every((spellings, k) => spellings.includes(folded[start + k] ?? ""))) out.add(start + noun);
  return out;
}

/** The question's specific words (see above), each once; unknown words no dictionary knows count as names. */
export function specificWords(tagged: readonly TaggedWord[], lang: Lang, lexicon?: BilingualLexicon): SpecificWord[] {
  const out = new Map<string, SpecificWord>();
  let nameAt = -2;
  const inLocution = locutionNouns(tagged, lang);
  for (let [i, w] of tagged.entries()) {
    if (inLocution.has(i)) continue;
    const kind = specificKind(w, lang, lexicon, i === 0);
    // "a-t-il", "F-35": single letters are no content; a figure keeps its digits only.
    if (!kind || (kind !== "figure" && w.surface.length < 2)) continue;
    if (kind === "figure") w = { ...w, lemma: w.lemma.replace(/^\D+/u, "") || w.lemma };
    if (GENERIC.has(fold(w.lemma)) || GENERIC.has(fold(w.surface))) continue;
    const key = fold(w.lemma);
    const unknown = w.pos === "unknown" && !(lexicon?.equivalents(w.surface, lang, otherLang(lang)).length ?? 0);
    const name = kind === "name" || (unknown && kind !== "figure");
    const continues = name && nameAt === i - 1;
    if (name) nameAt = i;
    if (!out.has(key))
      out.set(key, {
        surface: w.surface,
        lemma: w.lemma,
        kind,
        ...(unknown ? { unknown } : {}),
        ...(continues ? { continues } : {}),
      });
  }
  return [...out.values()];
}

function specificKind(
  w: TaggedWord,
  lang: Lang,
  lexicon: BilingualLexicon | undefined,
  first: boolean,
): SpecificWord["kind"] | undefined {
  switch (w.pos) {
    case "noun":
      // "the portuguese detachment", « les italiens »: a nationality as a noun is as specific as a name.
      if (isNationality(w, lang, lexicon, first)) return "name";
      return (lexicon?.equivalents(w.surface, lang, otherLang(lang)) ?? []).some((e) => e.pos === "np")
        ? "either"
        : "common";
    case "proper":
      return "name";
    case "numeral":
      return "figure";
    case "adjective":
      return isNationality(w, lang, lexicon, first) ? "name" : undefined;
    case "unknown":
      return unknownKind(w, lang, lexicon);
    default:
      return undefined;
  }
}

/**
 * A word the tagger does not know is often typed without its accents or capital (« coute », "stoltenberg"): the
 * lexicon, which forgives both, says whether it is a name, a common noun, or a verb or adjective (not specific).
 * A word nobody knows is taken for a name: a person, a place, an acronym.
 */
function unknownKind(
  w: TaggedWord,
  lang: Lang,
  lexicon: BilingualLexicon | undefined,
): SpecificWord["kind"] | undefined {
  if (/^\p{N}+$/u.test(w.surface)) return "figure";
  const entries = lexicon?.equivalents(w.surface, lang, otherLang(lang)) ?? [];
  if (entries.length === 0 || entries.every((e) => e.pos === "np")) return "name";
  if (entries.some((e) => e.pos === "n")) return entries.some((e) => e.pos === "np") ? "either" : "common";
  return isNationality(w, lang, lexicon, false) ? "name" : undefined;
}

/**
 * "French", "Italian", « italiens », « français »: an adjective English writes with a capital. In English the
 * question may show it; either way the dictionary's English form of it does.
 */
export function isNationality(
  w: TaggedWord,
  lang: Lang,
  lexicon: BilingualLexicon | undefined,
  first: boolean,
): boolean {
  if (lang === "en" && !first && /^\p{Lu}\p{Ll}/u.test(w.surface)) return true;
  if (!lexicon) return false;
  // English: the French adjective it renders comes back capitalised ("french" → « français » → "French").
  const french =
    lang === "fr"
      ? [w.lemma]
      : lexicon
          .equivalents(w.lemma, "en", "fr")
          .filter((e) => e.pos === "adj" || e.pos === "n")
          .map((e) => e.lemma);
  return french.some((f) =>
    lexicon.equivalents(f, "fr", "en").some((e) => e.pos === "adj" && /^\p{Lu}/u.test(e.lemma)),
  );
}

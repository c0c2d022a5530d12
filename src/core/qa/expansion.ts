import { type Lang, otherLang } from "../domain/language.js";
import type { LexiconEquivalent } from "../ports/bilingual-lexicon.port.js";
import { fold } from "../text/fold.js";
import { ordinalFigures, ordinalWordFigure } from "../text/ordinals.js";
import { everyEdit, typoForm } from "../text/typos.js";
import type { TrustTools } from "../trust/evidence.js";
import { clippingOf } from "./clippings.js";

/**
 * Other words a question's word may be written as in a release: the glossary's official forms in both languages
 * ("GDP" / « PIB » / « produit intérieur brut »), the bilingual dictionary's equivalents in the other language
 * ("troops" → « troupe »), and a few field synonyms of the same language ("troops" / "personnel"). Searched with
 * less weight than the question's own words, and a word matched through one of them counts as matched. No single
 * machine translation of the whole question decides what is found.
 */
export type Alternatives = Record<string, string[]>;

/** A word with more equivalents than this is too ambiguous to widen a search with ("part" → « accouchement »…). */
const MAX_EQUIVALENTS = 6;
const KEPT_EQUIVALENTS = 3;
const POS = new Set(["n", "adj", "vblex", "np", "adv"]);

// Field synonyms the dictionaries do not give, both languages; each line is one meaning.
const SYNONYMS: string[][] = [
  ["troops", "soldiers", "personnel", "military", "servicemembers", "militaires", "soldats", "troupes"],
  ["staff", "personnel", "employees", "experts", "people", "personnes", "employés", "salariés"],
  ["participants", "people", "attendees", "personnes", "participants"],
  ["aircraft", "planes", "jets", "avions", "appareils", "aéronefs"],
  ["ships", "vessels", "warships", "navires", "bâtiments"],
  // Artillery ammunition: "155mm shells" / « obus de 155 mm » (the dictionaries know « obus » only as "howitzer").
  ["shells", "rounds", "ammunition", "ammo", "munitions", "obus"],
  ["worth", "value", "valued", "cost", "amount", "valeur", "montant", "coût"],
  ["led", "lead", "leads", "chaired", "commanded", "heads", "dirige", "dirigé", "préside", "présidé", "commande"],
  // "Who leads the agency?" is answered by its director or general manager, named by title: « sa directrice ».
  // One leader (the verb in the singular): "Canada and Iceland lead the project" names no director.
  ["leads", "heads", "directs", "dirige", "director", "directeur", "directrice", "manager"],
  ["met", "meet", "meeting", "rencontré", "rencontre", "entretien", "reçu"],
  ["began", "begun", "started", "launched", "commencé", "lancé", "débuté"],
  ["joined", "join", "accession", "member", "adhéré", "adhésion", "membre"],
  ["succeed", "succeeded", "replace", "replaced", "successor", "succéder", "succède", "remplacer", "remplacé"],
  // Procurement: an order placed with industry is « une commande » (the dictionaries know only « ordre »).
  ["order", "orders", "ordered", "contract", "contracts", "purchase", "commande", "commandes", "commandé", "contrat"],
  // A post held for a term: "leave office", "term of office" / « quitter ses fonctions », « mandat ».
  ["office", "term", "tenure", "mandate", "post", "fonctions", "mandat", "poste"],
  // Instruction of personnel: "training course" / « formation », « stage », « cours ».
  ["course", "courses", "training", "formation", "formations", "stage", "stages", "cours"],
  // Fighters sent up on alert: "scrambled 64 times" / « ont décollé en alerte à 64 reprises », « 35 décollages ».
  ["scramble", "scrambles", "scrambled", "décollage", "décollages", "décollé", "décollés", "décoller"],
  // Leaving the ground: the English phrasal verb is « décoller » (Apertium reads "take off" word by word, « prendre
  // dehors »).
  [
    "take off",
    "takes off",
    "took off",
    "taking off",
    "take-off",
    "takeoff",
    "décoller",
    "décolle",
    "décollé",
    "décollage",
  ],
  // Firms: the dictionaries give « société » as "society", « entreprise » as "undertaking".
  ["companies", "company", "firms", "businesses", "start-ups", "startups", "entreprises", "entreprise", "sociétés"],
  // The second in command: "deputy commander" / « commandant adjoint » (the dictionaries give « député »).
  ["deputy", "adjoint", "adjointe", "adjoints"],
  // Small craft: "patrol boats" / « vedettes », « patrouilleurs » (the dictionaries know « vedette » as a star).
  ["boats", "boat", "bateau", "bateaux", "vedette", "vedettes", "patrouilleur", "patrouilleurs"],
];
const SYNONYMS_OF = new Map<string, string[]>();
for (const line of SYNONYMS)
  for (const w of line) SYNONYMS_OF.set(fold(w), [...(SYNONYMS_OF.get(fold(w)) ?? []), ...line]);

export function expandQuestion(
  text: string,
  lang: Lang,
  tools: TrustTools | undefined,
  contentWords: (text: string) => string[],
  /** Whether some stored release has the word (the search index); typos are looked for only with it. */
  stored?: (word: string) => boolean,
): Alternatives {
  const words = contentWords(text);
  const out: Alternatives = {};
  const add = (word: string, alternatives: readonly string[]) => {
    const own = fold(word);
    const fresh = alternatives.map((a) => a.replace(/#/gu, "").trim()).filter((a) => a && fold(a) !== own);
    if (fresh.length > 0) out[word] = [...new Set([...(out[word] ?? []), ...fresh])];
  };
  // The other language's acronyms too ("qui préside le NAC ?", "the AP-OTAN"): written in capitals in a question
  // that has lower case, such a form is no word of the question's language.
  const otherAcronyms = /\p{Ll}/u.test(text)
    ? (tools?.terms?.(text, otherLang(lang)) ?? []).filter((m) =>
        /^[\p{Lu}\p{N}&-]+(?: [\p{Lu}\p{N}&-]+)*$/u.test(m.source),
      )
    : [];
  for (const m of [...(tools?.terms?.(text, lang) ?? []), ...otherAcronyms]) {
    const inTerm = contentWords(m.source);
    for (const w of words) if (inTerm.includes(w)) add(w, [...m.forms.en, ...m.forms.fr]);
  }
  const lexicon = tools?.lexicon;
  for (const w of words) {
    add(w, SYNONYMS_OF.get(fold(w)) ?? []);
    // "helos", « hélicos », "satcom": the words a release writes for a chat clipping (clippings.ts).
    const clipped = clippingOf(w, lang);
    add(w, clipped);
    if (!lexicon) continue;
    const equivalents = lexicon.equivalents(w, lang, otherLang(lang)).filter((e) => POS.has(e.pos));
    if (equivalents.length > 0 && equivalents.length <= MAX_EQUIVALENTS)
      add(w, withVariants(equivalents.slice(0, KEPT_EQUIVALENTS), otherLang(lang)));
    if (equivalents.length > 0 || clipped.length > 0 || !stored || stored(w)) continue;
    for (const spelling of dictionarySpellings(w, lang, lexicon, stored)) {
      const theirs = lexicon.equivalents(spelling, lang, otherLang(lang)).filter((e) => POS.has(e.pos));
      add(w, [
        spelling,
        ...(theirs.length <= MAX_EQUIVALENTS ? withVariants(theirs.slice(0, KEPT_EQUIVALENTS), otherLang(lang)) : []),
      ]);
    }
  }
  // "the 60th anniversary" / « le soixantième anniversaire »: the figure and the words of the same ordinal.
  for (const o of ordinalFigures(text)) if (words.includes(o.figure)) add(o.figure, o.words);
  for (const w of words) {
    const figure = ordinalWordFigure(w);
    if (figure) add(w, [figure]);
  }
  return out;
}

/** Dictionary spellings kept for one word of a question that no release and no dictionary has. */
const MAX_DICTIONARY_SPELLINGS = 2;

/**
 * A word of the question that no stored release has and the dictionary does not know ("pipline") may be a typo of
 * one it knows ("pipeline"): the dictionary's words one edit away (a letter missing, too many, wrong, or two
 * neighbours swapped) or in the other spelling of French (`spellingVariants`), that some stored release has as
 * written or through their other-language equivalents (the French release says « oléoduc », never "pipeline").
 * The index's own spellings (its words one edit away) only help a word some release writes; this one helps a
 * release that says the word in the other language. Words under five letters, and words with a digit, are kept.
 */
export function dictionarySpellings(
  word: string,
  lang: Lang,
  lexicon: NonNullable<TrustTools["lexicon"]>,
  stored: (word: string) => boolean,
): string[] {
  const w = typoForm(word);
  if (!w || lexicon.lemmas(w, lang).length > 0 || inflectsKnown(w, lang, lexicon)) return [];
  const out: string[] = [];
  for (const candidate of [...spellingVariants(w, lang), ...everyEdit(w)]) {
    if (out.length >= MAX_DICTIONARY_SPELLINGS) break;
    if (out.includes(candidate) || lexicon.lemmas(candidate, lang).length === 0) continue;
    const theirs = lexicon.equivalents(candidate, lang, otherLang(lang));
    if (stored(candidate) || theirs.some((e) => stored(e.lemma))) out.push(candidate);
  }
  return out;
}

/**
 * Whether a folded word is a form the dictionary lists only by its base: an English comparative or superlative
 * ("bigger", "larger", "busiest"), a French verb conjugated (« stationnent », « décollez » of « stationner »,
 * « décoller »). Such a word is no typo, and the words one edit away from it are other words, some of them slurs.
 */
export function inflectsKnown(w: string, lang: Lang, lexicon: NonNullable<TrustTools["lexicon"]>): boolean {
  const bases: string[] = [];
  if (lang === "en") {
    const m = /^(\p{L}{2,}?)(i?)(er|est)$/u.exec(w);
    if (m?.[1]) {
      const stem = m[1];
      if (m[2]) bases.push(`${stem}y`);
      else bases.push(stem, `${stem}e`);
      if (/(\p{L})\1$/u.test(stem)) bases.push(stem.slice(0, -1));
    }
  } else {
    // Folded: « stationnées » is "stationnees", « choisies » "choisies", « reçoit » "recoit".
    const er = /^(\p{L}{3,}?)(?:ent|ons|ez|ait|aient|ais|erait|eront|era|ees|ee|es|e)$/u.exec(w);
    if (er?.[1]) bases.push(`${er[1]}er`);
    const ir = /^(\p{L}{3,}?)(?:issent|issons|issez|issait|ies|ie|it|is)$/u.exec(w);
    if (ir?.[1]) bases.push(`${ir[1]}ir`);
    const oir = /^(\p{L}+?)(?:oit|oivent|oive|ois|ues|ue|us)$/u.exec(w);
    if (oir?.[1]) bases.push(`${oir[1]}evoir`);
  }
  return bases.some((b) => lexicon.lemmas(b, lang).length > 0);
}

/**
 * The other spellings French gives a name borrowed from another alphabet and the adjective made from it: "k" or
 * "qu" before a vowel, "k" or "q" at the end (Irak / Iraq, irakien / iraquien, « iraquiennes »). The dictionary
 * knows one of them; a release may write the other. Only French: English keeps one spelling.
 */
export function spellingVariants(form: string, lang: Lang): string[] {
  if (lang !== "fr") return [];
  const out = new Set<string>([
    form.replace(/k(?=[aeiouyéèê])/gu, "qu"),
    form.replace(/qu(?=[aeiouyéèê])/gu, "k"),
    form.replace(/k\b/gu, "q"),
    form.replace(/q\b/gu, "k"),
  ]);
  out.delete(form);
  return [...out];
}

/** The equivalents' lemmas, with the other spellings of those that are names or adjectives of names. */
function withVariants(equivalents: readonly LexiconEquivalent[], lang: Lang): string[] {
  return equivalents.flatMap((e) =>
    e.pos === "np" || e.pos === "adj" ? [e.lemma, ...spellingVariants(e.lemma, lang)] : [e.lemma],
  );
}

import type { GlossaryTerm } from "../glossary.js";

export type FrenchArticle = "le" | "la" | "les" | "l'";

/** What the post-editing rules need to know of the glossary's terms, read once. */
export interface GlossaryFacts {
  /** French terms with the article NATO's French gives them ("NSPA" → "la", "OTAN" → "l'", "Pays-Bas" → "les"). */
  articles: Map<string, FrenchArticle>;
  acronyms: Set<string>;
  /** French forms of titles and ranks (lower case: "secrétaire général de l'OTAN", "amiral"). */
  frenchTitles: string[];
  /** French names of bodies that take an article in running text ("Alliés", "Conseil de l'Atlantique Nord"). */
  frenchBodies: string[];
  /** French terms that are plural ("Alliés", "cyberattaques", "ministres des Affaires étrangères"). */
  plurals: Set<string>;
  /** French forms of common terms (no article) whose article is known: "défense aérienne", "navires de guerre". */
  frenchTerms: string[];
  /** English forms of titles and ranks ("NATO Secretary General", "Admiral"). */
  englishTitles: string[];
  /** Military ranks, which stand before a name without an apposition (English and French forms). */
  ranks: Set<string>;
  /** Countries and places in French, with their article (none for a city). */
  frenchPlaces: Map<string, FrenchArticle | undefined>;
  /** Cities and other places (no countries) in English. */
  englishCities: Set<string>;
}

const RANK = /\b(?:Admiral|General|Marshal|Colonel|Major|Captain|Commodore|Lieutenant)$/;

export function glossaryFacts(terms: readonly GlossaryTerm[]): GlossaryFacts {
  const facts: GlossaryFacts = {
    articles: new Map(),
    acronyms: new Set(),
    frenchTitles: [],
    frenchBodies: [],
    plurals: new Set(),
    frenchTerms: [],
    englishTitles: [],
    ranks: new Set(),
    frenchPlaces: new Map(),
    englishCities: new Set(),
  };
  for (const t of terms) {
    const article = articleOf(t);
    if (article) facts.articles.set(t.fr, article);
    if (t.kind === "acronym") facts.acronyms.add(t.fr);
    if (t.kind === "body" && article && /^\p{Lu}/u.test(t.fr)) facts.frenchBodies.push(t.fr);
    if (isPlural(t)) facts.plurals.add(t.fr);
    const plurals = pluralVariants(t);
    for (const v of plurals) facts.plurals.add(v);
    if (t.kind === "term" && /^\p{Ll}/u.test(t.fr)) facts.frenchTerms.push(...(article ? [t.fr] : []), ...plurals);
    if (t.kind === "title") {
      const fr = [t.fr, ...t.frVariants.filter((v) => !articleStripped(v))];
      facts.frenchTitles.push(...fr);
      facts.englishTitles.push(t.en, ...t.enVariants);
      if (RANK.test(t.en) && !/Secretary/.test(t.en)) for (const f of [t.en, ...fr]) facts.ranks.add(f);
    }
    if (t.kind === "country") facts.frenchPlaces.set(t.fr, article ?? "la");
    // A headquarters is where things happen too: "au siège de l'OTAN", not "en siège".
    if (t.kind === "body" && /^siège\b/u.test(t.fr)) facts.frenchPlaces.set(t.fr, article ?? "le");
    if (t.kind === "place") {
      // "mer Noire", "Amérique du Nord" carry an article; a city does not.
      facts.frenchPlaces.set(t.fr, article);
      if (!article) for (const en of [t.en, ...t.enVariants]) facts.englishCities.add(en);
    }
  }
  // Longest first, so "secrétaire général de l'OTAN" wins over "secrétaire général".
  facts.frenchTitles.sort((a, b) => b.length - a.length);
  facts.englishTitles.sort((a, b) => b.length - a.length);
  facts.frenchBodies.sort((a, b) => b.length - a.length);
  facts.frenchTerms.sort((a, b) => b.length - a.length);
  return facts;
}

// A noun phrase that is plural in both languages: "Allies"/"Alliés", "cyber-attacks"/"cyberattaques". Names of
// places ("Brussels", "Pays-Bas" aside) and invariable words ("pays") are not taken for plurals.
function isPlural(t: GlossaryTerm): boolean {
  if (t.kind === "place" || t.kind === "acronym" || t.kind === "demonym") return false;
  if (t.kind === "country") return articleOf(t) === "les";
  // The glossary's own article says the number: « le Corps de réaction rapide allié » is one corps.
  const article = articleOf(t);
  if (article && article !== "les") return false;
  const enHead = (t.en.split(/\s+of\s+/)[0] ?? t.en).split(/\s+/).at(-1) ?? "";
  const frHead = t.fr.split(/\s+/)[0] ?? "";
  return /[^s]s$/u.test(enHead) && /[sx]$/u.test(frHead) && !/^pays$/iu.test(frHead);
}

/**
 * The French plural forms of a common term or a body, as the glossary lists them: a form whose head noun is another form's
 * with an s or an x ("navires de guerre" beside "navire de guerre", "dépenses de défense" beside "dépense de
 * défense"), so a word alike in both numbers ("porte-avions") is never one.
 */
function pluralVariants(t: GlossaryTerm): string[] {
  if (t.kind !== "term" && t.kind !== "body") return [];
  const head = (text: string) => text.split(/\s+/)[0] ?? "";
  const forms = [t.fr, ...t.frVariants].filter((v) => !articleStripped(v) && /^\p{Ll}/u.test(v));
  const heads = new Set(forms.map(head));
  return forms.filter((v) => /\p{L}[sx]$/u.test(head(v)) && heads.has(head(v).slice(0, -1)));
}

function articleOf(t: GlossaryTerm): FrenchArticle | undefined {
  for (const v of t.frVariants) {
    const m = /^(?:(les|le|la)\s+|(l)'\s*)(.+)$/iu.exec(v.replace(/’/g, "'"));
    if (m && m[3] === t.fr) return (m[1] ? m[1].toLowerCase() : "l'") as FrenchArticle;
  }
  return undefined;
}

function articleStripped(v: string): boolean {
  return /^(?:(?:les|le|la)\s+|l'\s*)/iu.test(v.replace(/’/g, "'"));
}

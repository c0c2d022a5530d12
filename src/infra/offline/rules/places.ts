import { withArticle } from "./french-articles.js";
import type { GlossaryFacts } from "./glossary-facts.js";
import { alternation, END, memo, START } from "./regex.js";

/**
 * "in" before a place, which word-by-word MT renders "en Bruxelles", "dans Rome", "à Kosovo", "en les Pays-Bas":
 * French says "à" before a city, "en" before a feminine country (or one starting with a vowel), "au" before a
 * masculine one, "aux" before a plural one. Only where MT wrote "en", "dans" or a bare "à", never "à la" (a
 * dative: "son soutien à la Russie").
 */
export function frenchPlacePrepositions(text: string, facts: GlossaryFacts): string {
  if (facts.frenchPlaces.size === 0) return text;
  const re = memo(facts, "french-places", () => {
    const places = [...facts.frenchPlaces.keys()].filter((p) => /^(?:\p{Lu}|siège\b)/u.test(p));
    const alt = alternation(places);
    return new RegExp(`${START}(en|dans|à|En|Dans|À)(?:\\s+(?:le|la|les|l['’])\\s*|\\s+)(${alt})${END}`, "gu");
  });
  return text.replace(re, (whole, prep: string, place: string) => {
    const article = facts.frenchPlaces.get(place.replace(/’/g, "'"));
    if (/^à$/i.test(prep)) {
      // "à" is "to" as often as "in": with its article it is right either way ("au Kosovo", "à l'Ukraine").
      if (article === undefined || /^à\s+(?:le|la|les|l['’])/iu.test(whole)) return whole;
      const to = withArticle("à", article, place);
      return /^\p{Lu}/u.test(prep) ? to[0]!.toUpperCase() + to.slice(1) : to;
    }
    const wanted = article === undefined ? "à" : article === "le" ? "au" : article === "les" ? "aux" : "en";
    const p = /^\p{Lu}/u.test(prep) ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted;
    return `${p} ${place}`;
  });
}

// Verbs and nouns of movement after which "to Brussels" is right.
const MOTION =
  /\b(?:go|goes|going|went|gone|travel|travels|travelled|traveled|travelling|come|comes|came|coming|return|returns|returned|returning|move|moved|sent|send|deployed|deploy|trip|visit|visits|visited|way|journey|flight|flew|welcome|welcomed|invited|invitation|delegation|heads|headed|arrive|arrived)\s+(?:\S+\s+)?$/iu;

/** "à Bruxelles" comes out "to Brussels" or "at Brussels": a city where something happens is "in" it. */
export function englishPlacePrepositions(text: string, facts: GlossaryFacts): string {
  if (facts.englishCities.size === 0) return text;
  const re = memo(
    facts,
    "english-cities",
    () => new RegExp(`${START}(to|at|To|At)\\s+(${alternation(facts.englishCities)})${END}`, "gu"),
  );
  return text.replace(re, (whole, prep: string, city: string, offset: number) => {
    if (MOTION.test(text.slice(0, offset))) return whole;
    return `${/^\p{Lu}/u.test(prep) ? "In" : "in"} ${city}`;
  });
}

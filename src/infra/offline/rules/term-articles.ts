import { capitalised } from "../../../core/text/capitals.js";
import type { GlossaryFacts } from "./glossary-facts.js";
import { alternation, END, memo } from "./regex.js";

/**
 * A French sentence does not open on a bare common noun, as an English one may ("Minehunters cleared the sea",
 * "Nuclear deterrence remains essential"): a glossary term there, which MT left without a determiner, takes the
 * article the glossary gives it, or « les » in the plural — « Les chasseurs de mines », « La dissuasion nucléaire ».
 */
export function sentenceTermArticles(text: string, facts: GlossaryFacts): string {
  if (facts.frenchTerms.length === 0) return text;
  const re = memo(
    facts,
    "sentence-terms",
    () => new RegExp(`(^|[.!?]\\s+|\\n\\s*)(${alternation(facts.frenchTerms.map(capitalised))})${END}`, "gu"),
  );
  return text.replace(re, (whole, lead: string, found: string) => {
    const term = (found[0]!.toLowerCase() + found.slice(1)).replace(/’/g, "'");
    const article = facts.plurals.has(term) ? "les" : facts.articles.get(term);
    if (!article) return whole;
    const withArticle = article === "l'" ? `l'${term}` : `${article} ${term}`;
    return lead + withArticle[0]!.toUpperCase() + withArticle.slice(1);
  });
}

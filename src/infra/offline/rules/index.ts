import type { Lang } from "../../../core/domain/language.js";
import type { GlossaryTerm } from "../glossary.js";
import { simplePast } from "./english-tense.js";
import { frenchArticles } from "./french-articles.js";
import { glossaryFacts } from "./glossary-facts.js";
import { englishPlacePrepositions, frenchPlacePrepositions } from "./places.js";
import { englishTitleApposition, frenchTitleApposition } from "./titles.js";
import { typographicApostrophes } from "./typography.js";

/** Post-editing rules for what word-by-word MT gets systematically wrong, each in its own module with tests. */
export interface MtRules {
  /** Rewrites a translation into `to` (after the protected terms, names and figures are back in place). */
  post(text: string, to: Lang): string;
}

export function createMtRules(terms: readonly GlossaryTerm[]): MtRules {
  const facts = glossaryFacts(terms);
  return {
    post(text, to) {
      if (to === "fr") {
        let out = frenchArticles(text, facts);
        out = frenchPlacePrepositions(out, facts);
        out = frenchTitleApposition(out, facts);
        out = frenchQuotes(out);
        return typographicApostrophes(out, to);
      }
      let out = simplePast(englishTitleApposition(text, facts));
      out = englishPlacePrepositions(out, facts);
      return typographicApostrophes(out, to);
    },
  };
}

// English straight quotes become French guillemets, a trailing comma outside them.
function frenchQuotes(text: string): string {
  return text.replace(/"\s*([^"]+?)\s*(,?)\s*"/gu, "« $1 »$2");
}

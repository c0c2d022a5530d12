import type { Lang } from "../domain/language.js";
import { detectIso6393 } from "../ingest/detect-language.js";
import { fold } from "../text/fold.js";

/**
 * Words that say which language a short question is in. franc needs 20+ letters and is shaky below a sentence,
 * while "Quel montant ?" or "What about 2023?" are clear to any reader from one or two of these.
 */
const CUES: Record<Lang, Set<string>> = {
  en: new Set(
    "the what which who whom whose when where why how did does do is are was were has have had of about and with this that these those from for to in into its it they there been any many much will would can could should tell say said give me please than".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les des du de un une est sont quel quelle quels quelles qui que quoi quand ou pourquoi comment combien ont sur pour avec dans ce cette ces et au aux il elle ils elles leur leurs ete etait sera fait dit moi nous vous pas plus depuis entre selon chez donc".split(
      " ",
    ),
  ),
};

// French elisions (l'OTAN, qu'a, d'acquisition) and question forms (a-t-elle, est-ce) are French beyond doubt.
const FRENCH_FORMS =
  /(?:^|[\s(«"])(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]\p{L}|-t-(?:il|elle|on)\b|\best-ce\b/iu;
const FRENCH_LETTERS = /[éèêàùçôîœ]/iu;

export interface QuestionLanguage {
  lang: Lang;
  /** How it was decided, for logs and tests. */
  by: "cues" | "franc" | "fallback";
}

/**
 * The language a question is asked in. Never refuses a question for being short: word cues first, then franc on
 * longer text (through the release detector's clean-up), then `fallback` (the conversation's language or the
 * user's preference).
 */
export function detectQuestionLanguage(question: string, fallback: Lang): QuestionLanguage {
  const words = fold(question).match(/\p{L}+/gu) ?? [];
  const score: Record<Lang, number> = { en: 0, fr: 0 };
  for (const w of words) {
    if (CUES.en.has(w)) score.en += 1;
    if (CUES.fr.has(w)) score.fr += 1;
  }
  if (FRENCH_FORMS.test(question)) score.fr += 2;
  if (FRENCH_LETTERS.test(question)) score.fr += 1;

  const margin = score.en - score.fr;
  if (Math.abs(margin) >= 2 || (margin !== 0 && Math.min(score.en, score.fr) === 0)) {
    return { lang: margin > 0 ? "en" : "fr", by: "cues" };
  }
  const code = detectIso6393(question);
  if (code === "eng") return { lang: "en", by: "franc" };
  if (code === "fra") return { lang: "fr", by: "franc" };
  if (margin !== 0) return { lang: margin > 0 ? "en" : "fr", by: "cues" };
  return { lang: fallback, by: "fallback" };
}

import type { Lang } from "../domain/language.js";
import { splitSentences } from "./sentences.js";

/** A capitalised token the reader would take for a proper name or an acronym. */
export interface NameMention {
  text: string;
  start: number;
  end: number;
}

// Capitalised words that open clauses or are institutional nouns rather than names; translated, not protected.
export const NOT_NAMES: Record<Lang, Set<string>> = {
  en: new Set(
    "The A An This That These Those It He She They We I In On At For With From By As Of To And But Or If When While After Before Since During Mr Mrs Ms Dr Secretary General Deputy President Prime Minister Ministers Foreign Defence Defense Allies Allied Alliance Council Summit Agency Headquarters Member Members States State Heads Government Governments Chair Commissioner Commander Supreme Committee Military Chief Chiefs Staff Organization Organisation Union Commission Parliament Today Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".split(
      " ",
    ),
  ),
  fr: new Set(
    "Le La Les L Un Une Des Ce Cet Cette Ces Il Elle Ils Elles Nous Vous On En Dans Pour Par Avec Sur Sous Selon Depuis Lors Après Avant Et Mais Ou Si Quand M Mme MM Alliés Alliée Alliées Allié Alliance Conseil Sommet Agence Organisation Union Commission Parlement États État Membres Chefs Gouvernement Gouvernements Président Présidente Premier Ministre Ministres Comité Commandement Commandant Aujourd".split(
      " ",
    ),
  ),
};

const TOKEN = /[\p{Lu}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{Lu}]{2,}/gu;

/**
 * Capitalised tokens that are not the first word of a sentence or of a quotation, and not institutional words.
 * Deliberately simple: it feeds a check ("is this name in the source?") and MT protection, both of which
 * prefer a few extra candidates to a missed name.
 */
export function findNames(text: string, lang: Lang): NameMention[] {
  const out: NameMention[] = [];
  let offset = 0;
  for (const sentence of splitSentences(text)) {
    const at = text.indexOf(sentence, offset);
    const base = at >= 0 ? at : offset;
    offset = base + sentence.length;
    // Where the sentence's first word starts: a token there (after opening quotes or dashes) opens the sentence.
    const opening = /[^\s«“"'(\-–—]/u.exec(sentence)?.index ?? sentence.length;
    for (const m of sentence.matchAll(TOKEN)) {
      // Each check looks at the characters just before the token, never at the whole text before it: that made
      // a long sentence of capitalised words quadratic.
      if (m.index <= opening) continue;
      if (/[«“"(:]/u.test(previousNonSpace(sentence, m.index))) continue;
      const word = m[0].replace(/^[LlDd]['’]/u, "");
      if (!/^\p{Lu}/u.test(word) || NOT_NAMES[lang].has(word)) continue;
      const start = base + m.index + (m[0].length - word.length);
      out.push({ text: word, start, end: start + word.length });
    }
  }
  return out;
}

function previousNonSpace(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && /\s/u.test(text[i] ?? "")) i--;
  return i >= 0 ? (text[i] ?? "") : "";
}

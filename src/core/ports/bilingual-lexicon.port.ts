import type { Lang } from "../domain/language.js";

/** Part of speech of a lexicon entry, as Apertium's dictionaries tag it (`<n>`, `<np>`, `<adj>` …). */
export type LexiconPos = "n" | "np" | "adj" | "vblex" | "adv";

/** One candidate equivalent of a word in the other language. */
export interface LexiconEquivalent {
  /** The other language's lemma as its dictionary writes it: "sommet", "Russie", "Amérique du Nord". */
  lemma: string;
  pos: LexiconPos;
}

/**
 * EN↔FR word equivalents, for evidence (is this French word a rendering of a word of the English release?) and
 * for query expansion (which French words may answer an English question?). Candidates, not translations: a word
 * has every sense's equivalents, so callers use them to accept or to widen, never to write text.
 *
 * Implemented from Apertium's bilingual dictionaries through a pivot (src/infra/lexicon/). Synchronous: an
 * implementation loads its data on first use (once per process) and answers from memory. A missing dictionary
 * gives an empty lexicon (`available()` false), never an error.
 */
export interface BilingualLexicon {
  /**
   * Candidate equivalents in `to` of a word or multi-word lemma written in `from`. Case, accents and the usual
   * inflections of the input are forgiven ("Sommets", "l'Alliance", "NATO's" find their lemma); `[]` when unknown.
   * `from === to` returns [].
   */
  equivalents(word: string, from: Lang, to: Lang): readonly LexiconEquivalent[];
  /**
   * Dictionary lemmas a surface form may be an inflection of ("sommets" → ["sommet"], "européenne" →
   * ["européen"]), found among the lexicon's own lemmas; the folded form itself when it is a lemma. [] when none.
   */
  lemmas(form: string, lang: Lang): readonly string[];
  /** false when no dictionary could be read (the lexicon then knows no word). */
  available(): boolean;
}

/** The lexicon that knows no word: for tests and for machines without Apertium. */
export const emptyLexicon: BilingualLexicon = {
  equivalents: () => [],
  lemmas: () => [],
  available: () => false,
};

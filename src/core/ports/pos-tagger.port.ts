import type { Lang } from "../domain/language.js";

/**
 * The part of speech a tagger chose for a word in its sentence: a common noun, a proper noun (a name), a numeral
 * (cardinal or ordinal), an adjective, a verb, anything else (determiners, pronouns, prepositions…), or a word
 * the tagger's dictionary does not know.
 */
export type PartOfSpeech = "noun" | "proper" | "numeral" | "adjective" | "verb" | "other" | "unknown";

/** One word of a tagged text, in order. */
export interface TaggedWord {
  /** As written in the text ("troops", "Finlande", "75th"). */
  surface: string;
  /** The dictionary's lemma ("troop", "Finlande", "75"); the surface when the word is unknown. */
  lemma: string;
  pos: PartOfSpeech;
}

/**
 * Disambiguated part-of-speech tagging of English or French text, in context (implemented with Apertium's
 * `lt-proc` and `apertium-tagger`, https://wiki.apertium.org/wiki/Apertium-tagger). A machine without the tagger
 * gives `available()` false and tags nothing.
 */
export interface PosTagger {
  available(lang: Lang): Promise<boolean>;
  /** The words of the text with their lemma and part of speech; [] when the tagger is not available. */
  tag(text: string, lang: Lang): Promise<TaggedWord[]>;
  /**
   * Gets ready to tag `lang` without waiting for it (a tagger that starts a process starts it now), so a text
   * tagged later does not wait for the start. Optional: a tagger with nothing to start has none.
   */
  warm?(lang: Lang): void;
  close(): Promise<void>;
}

/** The tagger that tags nothing: for tests and machines without Apertium. */
export const noPosTagger: PosTagger = {
  available: async () => false,
  tag: async () => [],
  close: async () => {},
};

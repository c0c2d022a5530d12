import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";

/** A stored release in one language, for tests of the Q&A rules: its id is its content hash. */
export function oneLanguageRelease(id: string, lang: Lang, title: string, ...paragraphs: string[]): Release {
  const at = "2026-01-01T00:00:00Z";
  return {
    id,
    contentHash: id,
    sourceLanguage: lang,
    texts: { [lang]: { lang, title, paragraphs, official: true } },
    createdAt: at,
    updatedAt: at,
  };
}

import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Passage } from "./qa-types.js";
import type { PassageMatch } from "./search-index.port.js";

/**
 * Which of a release's passages a reader of one language is shown (retriever.ts): the retriever finds and ranks
 * them; these rules say which language's text stands for a release and which sentence stands for its translation,
 * both for the ranked passages and for the best release's sentences the ranking did not reach.
 */

/**
 * A release NATO published in the reader's language answers in that language: its other-language passages would
 * only need translating. A release without it offers all it has (its own text, its offline translation made when
 * it was stored, and its brief's translation).
 */
export function candidates(release: Release, passages: Passage[], lang: Lang): Passage[] {
  return release.texts[lang] ? passages.filter((p) => p.lang === lang) : passages;
}

/**
 * An original sentence in the other language that the release's stored translation renders is shown as that
 * translation (which carries the original beside it): ranked on either, answered the same way, never translated
 * again at question time. The better-ranked of the two stands for both.
 */
export function asTranslated(ranked: PassageMatch[], candidates: Passage[], lang: Lang): PassageMatch[] {
  const translation = new Map<string, Passage>();
  for (const p of candidates) if (p.kind === "translation") translation.set(sentenceKey(p), p);
  if (translation.size === 0) return ranked;
  const seen = new Set<string>();
  const out: PassageMatch[] = [];
  for (const m of ranked) {
    const stand =
      m.passage.kind === "body" && m.passage.lang !== lang ? translation.get(sentenceKey(m.passage)) : undefined;
    const passage = stand ?? m.passage;
    if (seen.has(passage.id)) continue;
    seen.add(passage.id);
    out.push(stand ? { ...m, passage } : m);
  }
  return out;
}

/** Sentences of `release` a reader of `lang` would see that are not among `ranked` (see `Retrieval.unmatched`). */
export function unmatchedSentences(
  release: Release,
  passages: Passage[],
  ranked: PassageMatch[],
  lang: Lang,
): Passage[] {
  const all = candidates(release, passages, lang);
  const shown = new Set(ranked.map((m) => sentenceKey(m.passage)));
  const translated = new Set(all.filter((p) => p.kind === "translation").map(sentenceKey));
  return all.filter((p) => {
    if (p.kind !== "body" && p.kind !== "translation") return false;
    if (shown.has(sentenceKey(p))) return false;
    // An original sentence in the other language is read through its stored translation, as ranked ones are.
    return p.kind === "translation" || p.lang === lang || !translated.has(sentenceKey(p));
  });
}

/** `${releaseId}:${n}` of a body or translation passage: the n-th sentence of the original, in either language. */
function sentenceKey(p: Passage): string {
  return `${p.releaseId}:${p.id.slice(p.id.lastIndexOf(":") + 1)}`;
}

import type { Retrieval } from "./retriever.js";

/**
 * The retrieval with only the releases in `kept`: their matches and passages, and the best release's unmatched
 * sentences only while that release stays. The same retrieval when nothing is left out.
 */
export function keepReleases(retrieval: Retrieval, kept: ReadonlySet<string>): Retrieval {
  if (retrieval.matches.every((m) => kept.has(m.releaseId))) return retrieval;
  const top = retrieval.matches[0]?.releaseId;
  return {
    ...retrieval,
    matches: retrieval.matches.filter((m) => kept.has(m.releaseId)),
    passages: retrieval.passages.filter((p) => kept.has(p.passage.releaseId)),
    unmatched: top && kept.has(top) ? retrieval.unmatched : [],
  };
}

import { opensOnBefore } from "./continuation.js";
import { neighbourId } from "./passages.js";
import type { Passage } from "./qa-types.js";
import type { PassageMatch } from "./search-index.port.js";

/**
 * A sentence that opens on what the sentence before it named — "He said that… this important EU operation", « Il
 * a ajouté que… », "These aircraft…" (continuation.ts `opensOnBefore`) — says nothing a reader can check on its own:
 * which operation, who said it? The extractive answer quotes the sentence before it first ("…discussed NATO's role
 * in Operation ALTHEA. He said that…"), from the same text of the same release (its body, or its stored
 * translation, whose sentences keep the original's order).
 */

/**
 * The picked passages, the first one preceded by the sentence before it when it opens on that sentence (`known`:
 * every sentence of the retrieved releases, matched or not). The sentence before is context, not a second answer:
 * it goes in only when the answer has not already quoted it.
 */
export function withAntecedent(picked: readonly PassageMatch[], known: readonly Passage[]): PassageMatch[] {
  const [top, ...rest] = picked;
  if (!top || !opensOnBefore(top.passage)) return [...picked];
  const id = neighbourId(top.passage, -1);
  if (!id || picked.some((m) => m.passage.id === id)) return [...picked];
  const before = known.find((p) => p.id === id);
  if (!before) return [...picked];
  return [{ passage: before, score: 0, coverage: 0, matched: 0, matchedName: false }, top, ...rest];
}

import { fold } from "../text/fold.js";
import { regExpsOnUse, unicodeBoundaries } from "../text/regexp.js";
import type { Passage } from "./qa-types.js";

/**
 * "Which country sends the most soldiers?", « quel pays envoie le plus de troupes ? »: a superlative question is
 * answered by the sentence that ranks ("Norway provides the largest contingent", « la plus grande part »), not by
 * the one that counts them all ("9,000 troops from 14 countries"), though that one names the countries. A
 * preference among the sentences that answer, as for "which N" (focus-which.ts), not a requirement.
 */
const RE = regExpsOnUse({
  asks: () =>
    unicodeBoundaries(
      /\b(?:the )?(?:most|largest|biggest|greatest|highest|fewest|least|smallest|lowest)\b|\b(?:le|la|les) (?:plus|moins)\b/u,
    ),
  ranks: () =>
    unicodeBoundaries(
      /\b(?:the )?(?:most|largest|biggest|greatest|highest|fewest|least|smallest|lowest|top)\b|\b(?:le|la|les) (?:plus|moins)\b|\b(?:plus|moins) (?:grand|grande|grands|grandes|important|importante|importants|importantes|nombreux|nombreuses)\b|\bpremiers? contributeurs?\b/u,
    ),
});

/** Whether the question asks which ranks first or last (accents and case aside). */
export function asksSuperlative(question: string): boolean {
  return RE.asks.test(fold(question));
}

/** Whether the passage, or the sentence it translates, ranks something first or last. */
export function ranks(passage: Passage): boolean {
  return [passage.text, passage.original?.text ?? ""].some((text) => RE.ranks.test(fold(text)));
}

/**
 * "How much bigger does the new wing make it?", « combien de soldats de plus ? »: a comparative says the figure
 * asked is a difference or a ratio ("twice as many trainees", « deux fois plus de stagiaires »), not a count of
 * "bigger" or of « plus »: it is no thing counted (focus.ts `counted`), and what it compares, when the question
 * names it, still is.
 */
const COMPARATIVE =
  /^(?:bigger|larger|greater|higher|longer|smaller|lower|further|farther|stronger|heavier|wider|faster|plus|moins)$/u;
const LINK = /^(?:de|d|of|than|que)$/u;

/** The counted words without comparatives and the links they leave at either end; undefined when none is left. */
export function withoutComparatives(counted: readonly string[] | undefined): string[] | undefined {
  if (!counted) return undefined;
  const out = counted.filter((w) => !COMPARATIVE.test(w));
  if (out.length === counted.length) return [...counted];
  while (out[0] && LINK.test(out[0])) out.shift();
  while (out.at(-1) && LINK.test(out.at(-1)!)) out.pop();
  return out.length > 0 ? out : undefined;
}

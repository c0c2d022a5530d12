import type { Measure } from "./figure-kind.js";
import type { QuestionFocus } from "./focus.js";

/**
 * Measures a release gives few figures of: degrees, metres, tonnes, km/h. A contract's worth, a budget, a count of
 * times or of things is in nearly every sentence of a release; "how deep do the gliders dive?" has one answer in
 * its release, "as deep as 1,000 metres", as "who" has one name.
 */
const RARE_MEASURES: ReadonlySet<Measure> = new Set(["temperature", "distance", "weight", "speed"]);

/**
 * Whether what the question asks for is rare enough in a release to trust the leading release with it
 * (selection.ts `strongReleases`): a person, a place, a date, or a figure of a rare measure.
 */
export function distinctiveFocus(focus: QuestionFocus): boolean {
  if (focus.kind === "person" || focus.kind === "place" || focus.kind === "date") return true;
  return focus.kind === "figure" && focus.measure !== undefined && RARE_MEASURES.has(focus.measure);
}

import { fold } from "../text/fold.js";

/** Names every release carries: they decide nothing. */
export const UBIQUITOUS = new Set(["NATO", "OTAN", "Allies", "Alliés", "Alliance"]);

/** Whether a name of the text says something the question does not: one of its words is not the question's. */
export function isNew(name: string, given: ReadonlySet<string>): boolean {
  return name
    .split(/[\s’'-]+/u)
    .filter(Boolean)
    .some((w) => !given.has(fold(w.toLowerCase())) && !UBIQUITOUS.has(w));
}

const MONTHS_DAYS = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

export function isMonthOrDay(word: string): boolean {
  return MONTHS_DAYS.has(word.toLowerCase());
}

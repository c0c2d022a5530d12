import type { Lang } from "../domain/language.js";
import { findDates, isoDate } from "../text/dates.js";

/**
 * The first full date (day, month and year) written in the text, as YYYY-MM-DD; undefined when there is none.
 * Impossible dates such as 31 February are skipped. With `lang`, only that language's month names count.
 */
export function extractPublishedDate(text: string, lang?: Lang): string | undefined {
  for (const d of findDates(text, lang)) {
    const iso = isoDate(d);
    if (iso) return iso;
  }
  return undefined;
}

import type { Lang } from "../../core/domain/language.js";

/** What the text around a glossary term's occurrence says of it: part of a longer name, or counted in the plural. */

/**
 * A common term the glossary writes in lower case, written here with a capital to each word and next to another
 * capitalised word ("the Canadian Armed Forces", « Forces Armées Canadiennes »), is part of a longer name: MT and
 * name protection read the whole name, the term alone would cut it.
 */
export function insideName(text: string, start: number, end: number, kind: string, form: string): boolean {
  if (kind !== "term" || !/^\p{Ll}/u.test(form)) return false;
  const words = text.slice(start, end).match(/[\p{L}\p{M}]{3,}/gu) ?? [];
  if (!words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  const titled = (w: string | undefined) => w !== undefined && /^\p{Lu}\p{Ll}/u.test(w);
  const before = /([\p{L}\p{M}]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[ \t]+([\p{L}\p{M}]+)/u.exec(text.slice(end, end + 40))?.[1];
  return titled(before) || titled(after);
}

// English nouns alike in both numbers ("two aircraft"): the word before says which.
const INVARIABLE_HEAD = /(?:^|\s)aircraft$/iu;
const PLURAL_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:\d*[02-9]|\d+[0-9]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|several|many|multiple|numerous|these|those|both)\s+$/iu;

/** A form whose English head has one form for both numbers, after a number above one or a plural determiner. */
export function countedPlural(text: string, start: number, form: string, lang: Lang): boolean {
  if (lang !== "en" || !INVARIABLE_HEAD.test(form)) return false;
  return PLURAL_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

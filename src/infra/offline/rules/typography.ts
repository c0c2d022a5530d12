import type { Lang } from "../../../core/domain/language.js";

/**
 * NATO's texts write the typographic apostrophe (’) in both languages: "l’OTAN", "NATO’s". Straight ones between
 * letters, and after a plural's s ("Allies' "), become typographic; quotation marks are left alone.
 */
export function typographicApostrophes(text: string, _lang: Lang): string {
  return text.replace(/(?<=\p{L})'(?=\p{L})/gu, "’").replace(/(?<=\p{L}s)'(?=\s)/gu, "’");
}

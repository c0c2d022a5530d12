import type { Lang } from "../../../core/domain/language.js";

/**
 * NATO's texts write the typographic apostrophe (’) in both languages: "l’OTAN", "NATO’s". Straight ones between
 * letters, and after a plural's s ("Allies' "), become typographic; quotation marks are left alone.
 */
export function typographicApostrophes(text: string, lang: Lang): string {
  const out = text.replace(/(?<=\p{L})'(?=\p{L})/gu, "’").replace(/(?<=\p{L}s)'(?=\s)/gu, "’");
  // French writes the ligature Apertium's Spanish pairs leave out: "mise en œuvre", "cœur", "vœux".
  return lang === "fr" ? out.replace(/oe(?=u|il)/g, "œ").replace(/Oe(?=u|il)/g, "Œ") : out;
}

import type { Lang } from "../../../core/domain/language.js";

/**
 * NATO's texts write the typographic apostrophe (’) in both languages: "l’OTAN", "NATO’s". Straight ones between
 * letters, and after a plural's s ("Allies' "), become typographic; quotation marks are left alone.
 */
export function typographicApostrophes(text: string, lang: Lang): string {
  const out = text.replace(/(?<=\p{L})'(?=\p{L})/gu, "’").replace(/(?<=\p{L}s)'(?=\s)/gu, "’");
  if (lang !== "fr") return out;
  return (
    out
      // The ligature Apertium's Spanish pairs leave out: "mise en œuvre", "cœur", "vœux".
      .replace(/oe(?=u|il)/g, "œ")
      .replace(/Oe(?=u|il)/g, "Œ")
      // Elision before a vowel, which MT skips next to a restored term: "de Arménie" → "d’Arménie".
      .replace(/(?<![\p{L}\p{M}])([DdQqNn])(e|ue) (?=[aeiouéèêâîôûAEIOUÉÈÊÂÎÔÛ])/gu, (_w, c: string, e: string) =>
        c.toLowerCase() === "q" ? `${c}u’` : e === "e" ? `${c}’` : _w,
      )
  );
}

import type { Lang } from "../domain/language.js";

/**
 * "un milliard d'euros" → "1 milliard d'euros": the figure a reader sees, so a translation or an answer that
 * writes "1 billion euros" is traced to it, and offline MT protects it instead of writing "a millardo".
 */
export function spelledOutOne(text: string, lang: Lang): string {
  return lang === "fr"
    ? text.replace(/\b(?:un|une)\s+(milliards?|millions?)\b/giu, "1 $1")
    : text.replace(/\b(?:one|a)\s+(billion|million)\b/giu, "1 $1");
}

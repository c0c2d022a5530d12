import type { LangPreference } from "../../../src/core/commands/parse-command.js";
import type { Lang } from "../../../src/core/domain/language.js";

/**
 * Which languages a brief shows, in order. An explicit `lang en|fr` shows one; `both`, or no choice yet, shows
 * both with the user's Slack locale first (French first for `fr-*`), so nobody loses the other language by default.
 */
export function languagesFor(preference: LangPreference | undefined, locale?: string): Lang[] {
  if (preference === "en" || preference === "fr") return [preference];
  return localeLang(locale) === "fr" ? ["fr", "en"] : ["en", "fr"];
}

/** "fr-FR" → "fr", "en-GB" → "en", anything else → undefined. */
export function localeLang(locale: string | undefined): Lang | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === "fr" || prefix === "en" ? prefix : undefined;
}

/** The preference a list of shown languages stands for (what the switch buttons offer instead). */
export function preferenceOf(langs: readonly Lang[]): LangPreference {
  return langs.length === 1 && langs[0] ? langs[0] : "both";
}

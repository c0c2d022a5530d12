import type { LangPreference } from "../../../src/core/commands/parse-command.js";
import type { Lang } from "../../../src/core/domain/language.js";

/**
 * Which languages a brief shows, in order: an explicit `lang en|fr` shows one; `both`, or no choice yet, shows
 * both with the user's Teams locale first (French first for `fr-*`), as the Slack renderer does.
 */
export function languagesFor(preference: LangPreference | undefined, locale?: string): Lang[] {
  if (preference === "en" || preference === "fr") return [preference];
  return locale?.slice(0, 2).toLowerCase() === "fr" ? ["fr", "en"] : ["en", "fr"];
}

export function preferenceOf(langs: readonly Lang[]): LangPreference {
  return langs.length === 1 && langs[0] ? langs[0] : "both";
}

/** Names of the languages in themselves, for headings and buttons. */
export const LANGUAGE_LABEL: Record<LangPreference, string> = {
  en: "English",
  fr: "Français",
  both: "English + Français",
};

/** The two languages NATO publishes in and the bot speaks. */
export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "fr";
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "fr" : "en";
}

export const LANG_NAMES: Record<Lang, string> = { en: "English", fr: "French" };

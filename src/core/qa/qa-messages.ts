import type { Lang } from "../domain/language.js";

/** Every sentence the Q&A says on its own behalf, in the asker's language. */
export const QA_MESSAGES = {
  noAnswer: (lang: Lang, words: string[]): string => {
    const example = words.length > 0 ? words.slice(0, 3).join(" ") : lang === "fr" ? "munitions" : "ammunition";
    return lang === "fr"
      ? `Pas de réponse dans les communiqués enregistrés. Essayez une recherche par mots clés : search ${example}`
      : `No answer in the stored releases. Try a keyword search: search ${example}`;
  },
  emptyStore: (lang: Lang): string =>
    lang === "fr"
      ? "Pas de réponse dans les communiqués enregistrés : aucun communiqué n'est encore enregistré."
      : "No answer in the stored releases: no release is stored yet.",
  empty: (lang: Lang): string =>
    lang === "fr" ? "Posez une question sur les communiqués de l'OTAN." : "Ask a question about NATO's releases.",
  tooLong: (lang: Lang, length: number, max: number): string =>
    lang === "fr"
      ? `Votre question fait ${length} caractères ; la limite est de ${max}. Raccourcissez-la, s'il vous plaît.`
      : `Your question is ${length} characters long; the limit is ${max}. Please shorten it.`,
  rateLimited: (lang: Lang, limit: number, minutes: number): string =>
    lang === "fr"
      ? `Vous avez posé ${limit} questions au cours de la dernière heure, le maximum. Vous pourrez en poser une autre dans ${minutes} min environ ; la recherche (search) reste disponible.`
      : `You have asked ${limit} questions in the past hour, the most allowed. You can ask again in about ${minutes} min; search still works meanwhile.`,
  extractiveIntro: (lang: Lang): string =>
    lang === "fr" ? "D’après les communiqués enregistrés :" : "From the stored releases:",
  machineTranslation: (lang: Lang): string =>
    lang === "fr"
      ? "Traduction automatique (hors ligne, Apertium) : peut contenir des erreurs"
      : "Machine translation (offline, Apertium): may contain errors",
  /** After a machine-translated sentence: the sentence as NATO wrote it, so the reader can check the translation. */
  original: (lang: Lang, source: Lang, text: string): string =>
    lang === "fr"
      ? `Original (${source === "en" ? "anglais" : "français"}) : « ${text} »`
      : `Original (${source === "en" ? "English" : "French"}): “${text}”`,
  untranslated: (lang: Lang, reason: string): string =>
    lang === "fr" ? `Extrait en anglais, non traduit : ${reason}` : `Extract in French, not translated: ${reason}`,
  figureLost: (lang: Lang): string =>
    lang === "fr" ? "la traduction automatique altérait un chiffre" : "machine translation altered a figure",
};

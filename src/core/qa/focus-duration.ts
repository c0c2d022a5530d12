import type { Lang } from "../domain/language.js";
import { regExpsOnUse, unicodeBoundaries as unicode } from "../text/regexp.js";

/**
 * What answers a question asking for a duration (focus.ts): a figure with a unit of time ("two more years",
 * « les deux prochaines années »), an end date, a span of days or of years by its ends ("2026 to 2029",
 * « les 14 et 15 janvier »). Minutes answer only a question asking how quickly something is done ("how quickly can the jets take off?",
 * « en combien de temps les chasseurs peuvent-ils décoller ? » → "within 15 minutes"): a stay, a mission or a
 * programme that lasts is not told in minutes, and "ready within 15 minutes" is no answer to how long jets stayed.
 */
const DURATION = regExpsOnUse<Lang>({
  en: () =>
    unicode(
      /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|several)[\s-]+(?:(?:more|further|additional|extra)\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b|\buntil\b|\bthrough\b|\bfor (?:the )?(?:next|coming)\b|\bpermanent(?:ly)?\b|\bfrom \d{1,2}(?: \p{L}+)? to \d{1,2}\b|\bbetween \d{1,2}(?: \p{L}+)? and \d{1,2}\b/iu,
    ),
  fr: () =>
    unicode(
      /\b(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|plusieurs)\s+(?:(?:prochaines?|prochains|dernières?|derniers|premières?|premiers|autres)\s+)?(?:ans?|années?|mois|semaines?|jours?|heures?|décennies?)\b|\bjusqu[’']|\bdu \d{1,2}(?:er)?(?: \p{L}+)? au \d{1,2}\b|\bentre le \d{1,2}(?:er)?(?: \p{L}+)? et le \d{1,2}\b/iu,
    ),
});

const MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_FR =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
/**
 * A span said by its ends: of years ("covers the years 2026 to 2029", « de 2026 à 2029 », "2026-2029"), or of days
 * of one month ("on 14 and 15 January", "14-15 January", « les 14 et 15 janvier »): how long it lasts.
 */
const SPAN = regExpsOnUse<Lang>({
  en: () =>
    new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(?:19|20)\d\d\s*(?:to|until|through|-|–)\s*(?:19|20)\d\d|between (?:19|20)\d\d and (?:19|20)\d\d|\d{1,2}(?:\s*[-–]\s*|\s+(?:and|to)\s+)\d{1,2}\s+(?:${MONTHS_EN}))(?![\p{L}\p{N}])`,
      "iu",
    ),
  fr: () =>
    new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(?:19|20)\d\d\s*(?:à|au|-|–)\s*(?:19|20)\d\d|entre (?:19|20)\d\d et (?:19|20)\d\d|\d{1,2}(?:er)?(?:\s*[-–]\s*|\s+(?:et|au)\s+(?:le\s+)?)\d{1,2}\s+(?:${MONTHS_FR}))(?![\p{L}\p{N}])`,
      "iu",
    ),
});

const MINUTES = regExpsOnUse<Lang>({
  en: () => unicode(/\b(?:\d+|one|two|five|ten|fifteen|twenty|thirty|few)[\s-]+minutes?\b/iu),
  fr: () => unicode(/\b(?:\d+|une|deux|cinq|dix|quinze|vingt|trente|quelques)\s+minutes?\b/iu),
});

const QUICKLY = regExpsOnUse<Lang>({
  en: () =>
    unicode(
      /\bhow (?:quickly|soon|fast)\b|\bhow many minutes\b|\bhow long (?:does|do|did|will|would)\b.*\b(?:take|need)\b/u,
    ),
  fr: () =>
    unicode(
      /\b[aà] quelle vitesse\b|\bavec quelle rapidit[eé]\b|\ben combien de (?:temps|minutes|heures)\b|\bcombien de minutes\b|\ben combien d'heures\b|\b(?:dans|en) quel délai\b/u,
    ),
});

/** Whether a question (lower case, plain apostrophes) asks how quickly something is done. */
export function asksHowQuickly(lowerQuestion: string): boolean {
  return QUICKLY.en.test(lowerQuestion) || QUICKLY.fr.test(lowerQuestion);
}

/** Whether a text (in `lang`, or the other language: a release holds both) gives a duration; minutes if `quick`. */
export function carriesDuration(text: string, lang: Lang, quick: boolean): boolean {
  const other: Lang = lang === "en" ? "fr" : "en";
  return (
    DURATION[lang].test(text) ||
    DURATION[other].test(text) ||
    SPAN[lang].test(text) ||
    SPAN[other].test(text) ||
    (quick && (MINUTES[lang].test(text) || MINUTES[other].test(text)))
  );
}

/** Whether a text (in `lang`, or the other language) gives a time in minutes: how quickly something is done. */
export function carriesMinutes(text: string, lang: Lang): boolean {
  const other: Lang = lang === "en" ? "fr" : "en";
  return MINUTES[lang].test(text) || MINUTES[other].test(text);
}

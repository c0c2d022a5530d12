import { francAll } from "franc";
import type { Lang } from "../domain/language.js";
import { IngestError } from "./ingest-error.js";

/** Fewer letters than this and franc's answer is noise: we say "und" rather than guess. */
const MIN_SAMPLE_CHARS = 20;
/** From this length on franc is reliable over all its languages, so it may name any of them. */
const LONG_SAMPLE_CHARS = 200;
/**
 * On a long text, English or French this close behind a regional look-alike (Scots, Catalan, Galician...)
 * still wins: on the real French sample Catalan scores 0.975 behind French.
 */
const NEAR_TIE = 0.98;
/** Of a longer text only this much is looked at (franc itself stops at 2,048 characters of the sample). */
const MAX_INPUT_CHARS = 20_000;

/**
 * Languages a short text is judged against. Over franc's 400 languages a headline full of proper names
 * comes out as Catalan, Venetian or Scots; against the languages of NATO's members and neighbours it does not.
 * Texts in other scripts (Greek, Arabic, CJK...) fall through to an unrestricted guess so we can still name them.
 */
const PLAUSIBLE = [
  ...["eng", "fra", "deu", "nld", "dan", "nob", "nno", "swe", "fin", "ekk", "lvs", "lit", "pol", "ces", "slk"],
  ...["hun", "ron", "tur", "als", "hrv", "slv", "srp", "bos", "ita", "spa", "por", "rus", "ukr", "bel", "bul", "mkd"],
];

const FROM_ISO: Record<string, Lang> = { eng: "en", fra: "fr" };

const NAMES: Record<string, string> = {
  deu: "German",
  spa: "Spanish",
  ita: "Italian",
  por: "Portuguese",
  nld: "Dutch",
  pol: "Polish",
  ukr: "Ukrainian",
  rus: "Russian",
  tur: "Turkish",
  ron: "Romanian",
  dan: "Danish",
  swe: "Swedish",
  nob: "Norwegian",
  fin: "Finnish",
  cat: "Catalan",
  sco: "Scots",
  ell: "Greek",
};

/**
 * The language of a release text, English or French. Anything else, or a text too short or too full of names
 * and numbers to tell, is an IngestError "unsupported-language" naming franc's ISO 639-3 code.
 */
export function detectLanguage(text: string): Lang {
  const code = detectIso6393(text);
  const lang = FROM_ISO[code];
  if (lang) return lang;
  throw new IngestError("unsupported-language", unsupportedMessage(code));
}

/** franc's ISO 639-3 code for the text ("und" when it cannot tell), after the NATO-specific clean-up. */
export function detectIso6393(text: string): string {
  const sample = languageSample(text);
  if (letterCount(sample) < MIN_SAMPLE_CHARS) return "und";
  if (sample.length >= LONG_SAMPLE_CHARS) return judgeLong(sample);
  const shortSample = withoutProperNames(sample);
  const ranked = francAll(shortSample, { only: PLAUSIBLE, minLength: MIN_SAMPLE_CHARS });
  const top = ranked[0]?.[0] ?? "und";
  return top === "und" ? (francAll(shortSample, { minLength: MIN_SAMPLE_CHARS })[0]?.[0] ?? "und") : top;
}

function judgeLong(sample: string): string {
  const ranked = francAll(sample);
  const top = ranked[0]?.[0] ?? "und";
  if (top in FROM_ISO || PLAUSIBLE.includes(top)) return top;
  const close = ranked.find(([code, score]) => code in FROM_ISO && score >= NEAR_TIE);
  return close ? close[0] : top;
}

/**
 * Acronyms (NATO, OTAN, NSPA), numbers and URLs are the same in every language and only blur the trigram
 * statistics, so they go before franc sees the text.
 */
function languageSample(text: string): string {
  // franc reads the first 2,048 characters of what it is given: a longer input is work for nothing.
  return (
    text
      .slice(0, MAX_INPUT_CHARS)
      .normalize("NFC")
      .replace(/\b(?:https?:\/\/|www\.)\S+/giu, " ")
      // A word with an @ (an e-mail address). Starting only where a word starts keeps this linear: `\S+@\S+`
      // retried from every character of a long word without spaces, which was quadratic (issue 15).
      .replace(/(?<!\S)[^\s@]*@\S*/gu, " ")
      .replace(/\p{N}+/gu, " ")
      .replace(/(?<![\p{L}\p{M}])\p{Lu}{2,}(?![\p{L}\p{M}])/gu, " ")
      .replace(/\s+/gu, " ")
      .trim()
  );
}

/**
 * Capitalised words inside a sentence are mostly names (Steadfast Defender, Sweden) that franc reads as
 * Danish or German. Dropped only while enough text remains: a Title Case headline would lose everything.
 */
function withoutProperNames(sample: string): string {
  const stripped = sample
    .replace(/(?<![.!?:;«"“]\s*|^\s*)(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  const kept = letterCount(stripped);
  return kept >= MIN_SAMPLE_CHARS && kept >= letterCount(sample) / 2 ? stripped : sample;
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function unsupportedMessage(code: string): string {
  if (code === "und") {
    return (
      "Could not tell the language of the text (und): it is too short or mostly names and numbers. " +
      "nato-brief handles English and French releases only; paste the full release text."
    );
  }
  const name = NAMES[code];
  const described = name ? `${name} (${code})` : `the language with ISO 639-3 code ${code}`;
  return `The text is in ${described}; nato-brief handles English and French releases only.`;
}

import type { Lang } from "../domain/language.js";
import type { ReleaseDraft, ReleaseText } from "../domain/release.js";
import { canonicalizeUrl } from "./canonical-url.js";
import { contentHash } from "./content-hash.js";
import { detectIso6393, detectLanguage } from "./detect-language.js";
import { extractPublishedDate } from "./extract-date.js";
import { IngestError } from "./ingest-error.js";
import { titleFromSentence } from "./parse-text.js";
import { checkNotBinary, checkProse, requireEnglishOrFrench } from "./text-gate.js";

export interface DraftInput {
  title: string;
  paragraphs: string[];
  /** YYYY-MM-DD; looked for in the text when absent. */
  published?: string | undefined;
  url?: string | undefined;
  /** The page's declared language: used only when the text itself is too short or name-heavy to tell. */
  langHint?: Lang | undefined;
}

export interface DraftLimits {
  /** Minimum characters of body (paragraphs, without the title). */
  minChars?: number;
  maxChars?: number;
}

export const DEFAULT_MIN_CHARS = 200;
export const DEFAULT_MAX_CHARS = 200_000;

/** Validated title and paragraphs → a release draft in its source language, ready for the store. */
export function buildDraft(input: DraftInput, opts: DraftLimits = {}): ReleaseDraft {
  const minChars = opts.minChars ?? DEFAULT_MIN_CHARS;
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const paragraphs = input.paragraphs.map((p) => p.trim()).filter((p) => p !== "");
  let title = input.title.trim();
  checkNotBinary([title, ...paragraphs].join("\n"));
  if (title === "" && paragraphs.length === 0) {
    throw new IngestError("empty", "The release text is empty; paste the text of a NATO release or give its URL.");
  }

  const bodyChars = paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (bodyChars < minChars) {
    throw new IngestError(
      "too-short",
      `The release text is too short: ${bodyChars} characters of body after the title, at least ${minChars} are needed. ` +
        "Paste the whole release, not only its title or first line.",
    );
  }
  const totalChars = title.length + bodyChars;
  if (totalChars > maxChars) {
    throw new IngestError(
      "too-long",
      `The release text is too long: ${totalChars} characters, the limit is ${maxChars}. ` +
        "Give one release at a time, or check the page is a single release.",
    );
  }
  if (title === "") title = titleFromSentence(paragraphs[0] ?? "");

  // Not prose (code, data, markup) is refused before language detection, which would give it a language;
  // another language written in sentences goes on, so the refusal can name that language.
  const prose = checkProse(title, paragraphs);
  const lang = languageOf([title, ...paragraphs].join("\n\n"), input.langHint);
  requireEnglishOrFrench(prose);
  const canonicalUrl = input.url ? canonicalizeUrl(input.url) : undefined;
  const text: ReleaseText = { lang, title, paragraphs, official: true, ...(canonicalUrl ? { url: canonicalUrl } : {}) };
  const texts: ReleaseDraft["texts"] = { [lang]: text };
  const published = input.published ?? extractPublishedDate(paragraphs.join("\n"), lang);

  return {
    ...(canonicalUrl ? { canonicalUrl } : {}),
    contentHash: contentHash(texts),
    sourceLanguage: lang,
    ...(published ? { published } : {}),
    texts,
  };
}

function languageOf(text: string, hint: Lang | undefined): Lang {
  // A page that says lang="fr" is believed only when the words cannot tell: a template's attribute is
  // often wrong, the text rarely is.
  if (hint && detectIso6393(text) === "und") return hint;
  return detectLanguage(text);
}

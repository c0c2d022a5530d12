import type { ReleaseDraft } from "../domain/release.js";
import { buildDraft, DEFAULT_MAX_CHARS, type DraftLimits } from "./build-draft.js";
import { type ExtractOptions, extractArticle } from "./extract-html.js";
import { IngestError } from "./ingest-error.js";
import { type ParseTextOptions, parseReleaseText } from "./parse-text.js";
import { checkNotBinary } from "./text-gate.js";

export { buildDraft, DEFAULT_MAX_CHARS, DEFAULT_MIN_CHARS, type DraftInput, type DraftLimits } from "./build-draft.js";
export { canonicalizeUrl } from "./canonical-url.js";
export { contentHash } from "./content-hash.js";
export { detectIso6393, detectLanguage } from "./detect-language.js";
export { extractPublishedDate } from "./extract-date.js";
export {
  type ArticleSelectors,
  type ExtractedArticle,
  type ExtractOptions,
  extractArticle,
  NATO_SELECTORS,
} from "./extract-html.js";
export { IngestError, type IngestErrorCode, isIngestError } from "./ingest-error.js";
export {
  normalizeText,
  type ParsedText,
  type ParseTextOptions,
  parseReleaseText,
  titleFromSentence,
} from "./parse-text.js";

export { checkNotBinary, checkProse, checkTextBytes, decodeText } from "./text-gate.js";

/** Pasted or file text → release draft. `url`, when known, becomes the release's canonical URL. */
export function draftFromText(raw: string, opts: ParseTextOptions & DraftLimits = {}): ReleaseDraft {
  // Before parsing: a text far past the limit is refused in one comparison (clean-up only ever shortens it).
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (raw.length > maxChars * 2) {
    throw new IngestError(
      "too-long",
      `The release text is too long: ${raw.length} characters, the limit is ${maxChars}. ` +
        "Give one release at a time, or check the page is a single release.",
    );
  }
  // Before normalisation, which drops control characters: binary data must be seen as such.
  checkNotBinary(raw);
  const parsed = parseReleaseText(raw, opts);
  return buildDraft({ ...parsed, url: opts.url }, opts);
}

/** A fetched release page → release draft; `url` is the page's final URL after redirects. */
export function draftFromHtml(html: string, url: string, opts: ExtractOptions & DraftLimits = {}): ReleaseDraft {
  const article = extractArticle(html, url, opts);
  return buildDraft(
    { title: article.title, paragraphs: article.paragraphs, published: article.published, url, langHint: article.lang },
    opts,
  );
}

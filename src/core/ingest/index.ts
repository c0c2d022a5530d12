import type { ReleaseDraft } from "../domain/release.js";
import { buildDraft, type DraftLimits } from "./build-draft.js";
import { type ExtractOptions, extractArticle } from "./extract-html.js";

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
export { draftFromText } from "./from-text.js";
export { IngestError, type IngestErrorCode, isIngestError } from "./ingest-error.js";
export {
  normalizeText,
  type ParsedText,
  type ParseTextOptions,
  parseReleaseText,
  titleFromSentence,
} from "./parse-text.js";
export { checkNotBinary, checkProse, checkTextBytes, decodeText } from "./text-gate.js";

/** A fetched release page → release draft; `url` is the page's final URL after redirects. */
export function draftFromHtml(html: string, url: string, opts: ExtractOptions & DraftLimits = {}): ReleaseDraft {
  const article = extractArticle(html, url, opts);
  return buildDraft(
    { title: article.title, paragraphs: article.paragraphs, published: article.published, url, langHint: article.lang },
    opts,
  );
}

import type { ReleaseDraft } from "../domain/release.js";
import { buildDraft, DEFAULT_MAX_CHARS, type DraftLimits } from "./build-draft.js";
import { IngestError } from "./ingest-error.js";
import { type ParseTextOptions, parseReleaseText } from "./parse-text.js";
import { checkNotBinary } from "./text-gate.js";

/**
 * Pasted or file text → release draft. `url`, when known, becomes the release's canonical URL. Its own module,
 * apart from HTML extraction: ingesting text never loads an HTML parser.
 */
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

import { LANG_NAMES, LANGS, type Lang } from "../../core/domain/language.js";
import { fullText, type Release, type ReleaseText } from "../../core/domain/release.js";

/**
 * The release goes to the model as data between delimiters. A text must not be able to close its block and
 * speak as the request, so anything that looks like a delimiter (three or more angle brackets, ASCII or
 * full-width, spaced or not) becomes harmless single angle quotation marks.
 */
export function neutraliseDelimiters(text: string): string {
  return text
    .replace(/[<\uFF1C\u2039](?:\s*[<\uFF1C\u2039]){2,}/g, (m) => "\u2039".repeat(m.replace(/\s/g, "").length))
    .replace(/[>\uFF1E\u203A](?:\s*[>\uFF1E\u203A]){2,}/g, (m) => "\u203A".repeat(m.replace(/\s/g, "").length));
}

export function releaseBlock(text: ReleaseText, original: boolean): string {
  // Control characters carry nothing a summary needs and can hide a delimiter from the check above.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const body = neutraliseDelimiters(fullText(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ""));
  return `<<<RELEASE lang=${text.lang} original=${original} official=${text.official}>>>\n${body}\n<<<END RELEASE>>>`;
}

/** The brief prompt's variables for one release: which languages are summarised, which translated, and the data. */
export function briefVariables(release: Release): Record<string, string> {
  const source = release.sourceLanguage;
  if (!release.texts[source]) throw new Error(`release ${release.id} has no text in its source language ${source}`);
  // The original first, then NATO's own translation when there is one.
  const order: Lang[] = [source, ...LANGS.filter((l) => l !== source)];
  const present = order.filter((l) => release.texts[l] !== undefined);
  const translated = LANGS.filter((l) => release.texts[l] === undefined);
  return {
    source_language: `${LANG_NAMES[source]} (${source})`,
    summarise_languages: present.join(", "),
    translate_languages: translated.length > 0 ? translated.join(", ") : "none",
    release_texts: present
      .map((l) => {
        const text = release.texts[l];
        return text ? releaseBlock(text, l === source) : "";
      })
      .join("\n\n"),
  };
}

/** Everything the model was allowed to read, for checks of its output (URLs, numbers). */
export function releaseSourceText(release: Release): string {
  const texts = LANGS.map((l) => release.texts[l]).filter((t): t is ReleaseText => t !== undefined);
  return [...texts.map((t) => [fullText(t), t.url ?? ""].join("\n")), release.canonicalUrl ?? ""].join("\n\n");
}

import { createHash } from "node:crypto";
import type { Lang } from "../domain/language.js";
import type { ReleaseText } from "../domain/release.js";

/**
 * sha256 (hex) of a release's words: per language, sorted, the title and non-empty paragraphs with whitespace
 * collapsed and NFC applied. Re-ingesting the same release copied with other spacing or line endings gives the
 * same hash, so its cached briefs are found again; URLs and flags are not content and are left out.
 */
export function contentHash(texts: Partial<Record<Lang, ReleaseText>>): string {
  const canonical = Object.entries(texts)
    .filter((entry): entry is [string, ReleaseText] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([lang, text]) => [lang, squash(text.title), text.paragraphs.map(squash).filter((p) => p !== "")]);
  return createHash("sha256").update(JSON.stringify(canonical), "utf8").digest("hex");
}

function squash(value: string): string {
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

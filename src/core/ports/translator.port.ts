import type { Lang } from "../domain/language.js";

export type TranslatorStatus = { available: true; pipeline: string } | { available: false; reason: string };

/** Machine translation between English and French (offline: Apertium from Debian packages). */
export interface Translator {
  status(from: Lang, to: Lang): Promise<TranslatorStatus>;
  /** Translates each segment; the result has the same length and order. Throws when unavailable. */
  translate(segments: string[], from: Lang, to: Lang): Promise<string[]>;
  close(): Promise<void>;
}

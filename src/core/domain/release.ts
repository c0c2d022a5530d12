import type { Lang } from "./language.js";

/** One language version of a release: the original, or NATO's own translation of it. */
export interface ReleaseText {
  lang: Lang;
  title: string;
  /** Body paragraphs, in order, without the title. */
  paragraphs: string[];
  url?: string | undefined;
  /** true for the original text and for NATO's official translation; false never happens today. */
  official: boolean;
}

/** A NATO news or press release, with its original text and, when NATO published one, its counterpart. */
export interface Release {
  /** Stable short id: survives content updates of the same page. */
  id: string;
  canonicalUrl?: string | undefined;
  /** sha256 of every stored text: part of the brief cache key. */
  contentHash: string;
  sourceLanguage: Lang;
  /** ISO date (YYYY-MM-DD) when known. */
  published?: string | undefined;
  texts: Partial<Record<Lang, ReleaseText>>;
  createdAt: string;
  updatedAt: string;
}

/** What ingest produces before the store gives it an identity. */
export type ReleaseDraft = Omit<Release, "id" | "createdAt" | "updatedAt">;

export function originalText(release: Pick<Release, "texts" | "sourceLanguage">): ReleaseText {
  const text = release.texts[release.sourceLanguage];
  if (!text) throw new Error(`release has no text in its source language ${release.sourceLanguage}`);
  return text;
}

export function fullText(text: ReleaseText): string {
  return [text.title, ...text.paragraphs].join("\n\n");
}

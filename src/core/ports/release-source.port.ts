import type { Lang } from "../domain/language.js";

/** One release a source points at: a listing row, a sitemap `<url>`, a feed item or a configured page. */
export interface SourceEntry {
  /** Absolute URL of the release page. */
  url: string;
  title?: string | undefined;
  /** YYYY-MM-DD, as the listing or feed dates it. */
  published?: string | undefined;
  /** The language the listing or feed serves, when it says. */
  lang?: Lang | undefined;
}

export interface Discovery {
  entries: SourceEntry[];
  /** How the entries were found, e.g. "listing", "sitemap (listing failed: ...)", "feed", "feed (not modified)". */
  via: string;
}

/** A release page read and reduced to its text by a source's layout rules. */
export interface SourcePage {
  /** Final URL after redirects. */
  url: string;
  title: string;
  paragraphs: string[];
  /** YYYY-MM-DD */
  published?: string | undefined;
  /** The page's declared language (`<html lang>`): a hint, the text decides. */
  langHint?: Lang | undefined;
  /** Other-language versions the page links to (`<link rel="alternate" hreflang>`). */
  alternates: Partial<Record<Lang, string>>;
  /** false when the configured selectors found nothing and generic article extraction was used. */
  usedSelectors: boolean;
}

export type PageFetch = { status: "fetched"; page: SourcePage } | { status: "not-modified"; url: string };

/**
 * A place NATO releases are found: the NATO site (listing endpoint, sitemap, legacy RSS), an RSS 2.0 or Atom
 * feed ({@link https://www.rssboard.org/rss-specification}, {@link https://www.rfc-editor.org/rfc/rfc4287}) or
 * one page. Implementations fetch politely (allowed hosts, rate limit, back-off, conditional GET) and never
 * throw for a bad entry inside a good listing: they leave it out and log why.
 */
export interface ReleaseSource {
  /** Short stable name for logs and reports: "nato", "feed:https://...", "page:https://...". */
  readonly name: string;
  /** One line for `sources list`: what it reads and where. */
  readonly description: string;
  /** The releases the source lists right now, newest first. Throws when the source cannot be read at all. */
  discover(): Promise<Discovery>;
  /**
   * Reads one release page. With `conditional`, the page's validators from the last fetch are sent and an
   * unchanged page comes back as "not-modified"; callers ask for it only when they hold the page's text.
   * Throws (FetchError, IngestError...) when the page cannot be read or holds no release text.
   */
  fetchPage(url: string, options: { conditional: boolean }): Promise<PageFetch>;
}

import { isLang, type Lang } from "../../core/domain/language.js";
import { type ArticleSelectors, extractArticle } from "../../core/ingest/extract-html.js";
import { parseDocument } from "../../core/ingest/html-dom.js";
import type { Logger } from "../../core/ports/logger.port.js";
import type { PageFetch, SourcePage } from "../../core/ports/release-source.port.js";
import { absolute } from "./feed-parser.js";
import type { PoliteFetcher } from "./polite-fetcher.js";

/** Which selectors read a page: the first layout whose `match` accepts the URL, else the last one. */
export interface PageLayout {
  name: string;
  /** Tested against the URL's path; undefined matches everything. */
  pathPattern?: RegExp | undefined;
  selectors: ArticleSelectors;
}

/**
 * A fetched page → its release text with the layout's selectors; when they find nothing (the site changed, or
 * it is not a NATO page) generic article extraction takes over and a log line says so. Also collects the
 * page's `<link rel="alternate" hreflang>` links, the surest way to its other-language version.
 */
export function readPage(html: string, url: string, layouts: PageLayout[], logger: Logger): SourcePage {
  const layout = layoutFor(url, layouts);
  const article = extractArticle(html, url, { selectors: layout.selectors });
  if (!article.usedSelectors) {
    logger.warn("page selectors found no release text; used generic article extraction", {
      url,
      layout: layout.name,
      bodySelector: layout.selectors.body,
    });
  }
  return {
    url,
    title: article.title,
    paragraphs: article.paragraphs,
    published: article.published,
    langHint: article.lang,
    alternates: alternatesOf(html, url),
    usedSelectors: article.usedSelectors,
  };
}

export function layoutFor(url: string, layouts: PageLayout[]): PageLayout {
  let path = "";
  try {
    path = new URL(url).pathname;
  } catch {
    // An unparsable URL never reaches here (the fetcher refuses it); the default layout is a safe answer.
  }
  const found = layouts.find((l) => l.pathPattern?.test(path)) ?? layouts.find((l) => !l.pathPattern) ?? layouts[0];
  if (!found) throw new Error("no page layout configured");
  return found;
}

function alternatesOf(html: string, url: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  const links = parseDocument(html).querySelectorAll('link[rel~="alternate"][hreflang]');
  for (const link of Array.from(links)) {
    const lang = link.getAttribute("hreflang")?.trim().toLowerCase().split(/[-_]/u)[0];
    const href = absolute(link.getAttribute("href") ?? undefined, url);
    if (isLang(lang) && href && !out[lang]) out[lang] = href;
  }
  return out;
}

/** Fetches a release page politely and reads it: the one way every source turns a URL into a SourcePage. */
export async function fetchSourcePage(
  fetcher: PoliteFetcher,
  layouts: PageLayout[],
  logger: Logger,
  url: string,
  conditional: boolean,
): Promise<PageFetch> {
  const result = await fetcher.page(url, conditional);
  if ("notModified" in result) return { status: "not-modified", url: result.url };
  return { status: "fetched", page: readPage(result.html, result.url, layouts, logger) };
}

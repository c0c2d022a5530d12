import type { Logger } from "../../core/ports/logger.port.js";
import type { Discovery, PageFetch, ReleaseSource, SourceEntry } from "../../core/ports/release-source.port.js";
import { languageOfUrl } from "../../core/sources/counterpart-url.js";
import { parseNatoListing } from "./nato-listing.js";
import { fetchSourcePage, type PageLayout } from "./page-reader.js";
import type { PoliteFetcher } from "./polite-fetcher.js";
import { newestFirst, parseSitemap, type SitemapUrl } from "./sitemap-parser.js";

export interface NatoSiteOptions {
  baseUrl: string;
  /** The listing endpoint the news pages call, with its query (language, page size, sort). */
  listingPath: string;
  sitemapPath: string;
  /** Only sitemap URLs containing this are releases (default "/en/news-and-events/articles/news/"). */
  sitemapInclude: string;
  layouts: PageLayout[];
}

/** Child sitemaps of a sitemap index read per poll, newest first: enough for new releases, light on the site. */
const MAX_CHILD_SITEMAPS = 3;

/**
 * nato.int: the JSON listing its own news pages call, and its sitemap when the listing fails or comes back
 * empty (the endpoint is not a published API, so it may change without notice).
 */
export class NatoSiteSource implements ReleaseSource {
  readonly name = "nato";

  constructor(
    private readonly options: NatoSiteOptions,
    private readonly fetcher: PoliteFetcher,
    private readonly logger: Logger,
  ) {}

  get description(): string {
    const { baseUrl, listingPath, sitemapPath } = this.options;
    return `NATO site ${baseUrl}: listing ${listingPath.split("?")[0]}, fallback ${sitemapPath}`;
  }

  async discover(): Promise<Discovery> {
    const listingUrl = new URL(this.options.listingPath, this.options.baseUrl).href;
    try {
      const doc = await this.fetcher.document(listingUrl, "json");
      const { entries, dropped } = parseNatoListing(doc.body, doc.url);
      if (dropped > 0) this.logger.warn("listing rows without a link left out", { url: listingUrl, dropped });
      if (entries.length === 0) throw new Error(`listing ${listingUrl} lists no pages`);
      return { entries, via: doc.notModified ? "listing (not modified)" : "listing" };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn("NATO listing unusable; reading the sitemap instead", { url: listingUrl, error: reason });
      try {
        return { entries: await this.fromSitemap(), via: `sitemap (listing failed: ${reason})` };
      } catch (sitemapErr) {
        const why = sitemapErr instanceof Error ? sitemapErr.message : String(sitemapErr);
        throw new Error(`listing failed (${reason}) and sitemap failed (${why})`);
      }
    }
  }

  fetchPage(url: string, options: { conditional: boolean }): Promise<PageFetch> {
    return fetchSourcePage(this.fetcher, this.options.layouts, this.logger, url, options.conditional);
  }

  private async fromSitemap(): Promise<SourceEntry[]> {
    const sitemapUrl = new URL(this.options.sitemapPath, this.options.baseUrl).href;
    let urls = await this.readSitemap(sitemapUrl, true);
    urls = newestFirst(urls.filter((u) => u.url.includes(this.options.sitemapInclude)));
    if (urls.length === 0)
      throw new Error(`sitemap ${sitemapUrl} lists no URL containing ${this.options.sitemapInclude}`);
    return urls.map((u) => {
      const published = /^\d{4}-\d{2}-\d{2}/u.exec(u.lastmod ?? "")?.[0];
      const lang = languageOfUrl(u.url);
      return { url: u.url, ...(published ? { published } : {}), ...(lang ? { lang } : {}) };
    });
  }

  private async readSitemap(url: string, followIndex: boolean): Promise<SitemapUrl[]> {
    const doc = await this.fetcher.document(url);
    const parsed = parseSitemap(doc.body, doc.url);
    if (parsed.kind === "urlset") return parsed.urls;
    if (!followIndex) return [];
    const children = newestFirst(parsed.sitemaps).slice(0, MAX_CHILD_SITEMAPS);
    const lists = [];
    for (const child of children) lists.push(await this.readSitemap(child.url, false));
    return lists.flat();
  }
}

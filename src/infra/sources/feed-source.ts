import type { Logger } from "../../core/ports/logger.port.js";
import type { Discovery, PageFetch, ReleaseSource } from "../../core/ports/release-source.port.js";
import { parseFeed } from "./feed-parser.js";
import { fetchSourcePage, type PageLayout } from "./page-reader.js";
import type { PoliteFetcher } from "./polite-fetcher.js";

/** An RSS 2.0 or Atom feed (nato.int's legacy RSS among them): its items point at release pages. */
export class FeedSource implements ReleaseSource {
  readonly description: string;

  constructor(
    readonly name: string,
    private readonly feedUrl: string,
    private readonly fetcher: PoliteFetcher,
    private readonly layouts: PageLayout[],
    private readonly logger: Logger,
  ) {
    this.description = `RSS/Atom feed ${feedUrl}`;
  }

  async discover(): Promise<Discovery> {
    const doc = await this.fetcher.document(this.feedUrl);
    const feed = parseFeed(doc.body, doc.url);
    if (feed.dropped > 0) {
      this.logger.warn("feed items without a usable link left out", { url: this.feedUrl, dropped: feed.dropped });
    }
    return { entries: feed.entries, via: `${feed.format}${doc.notModified ? " (not modified)" : ""}` };
  }

  fetchPage(url: string, options: { conditional: boolean }): Promise<PageFetch> {
    return fetchSourcePage(this.fetcher, this.layouts, this.logger, url, options.conditional);
  }
}

/** One configured release page, watched for changes (and its counterpart looked for) like a listed one. */
export class PageSource implements ReleaseSource {
  readonly name: string;
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly fetcher: PoliteFetcher,
    private readonly layouts: PageLayout[],
    private readonly logger: Logger,
  ) {
    this.name = `page:${url}`;
    this.description = `page ${url}`;
  }

  async discover(): Promise<Discovery> {
    return { entries: [{ url: this.url }], via: "page" };
  }

  fetchPage(url: string, options: { conditional: boolean }): Promise<PageFetch> {
    return fetchSourcePage(this.fetcher, this.layouts, this.logger, url, options.conditional);
  }
}

/** Fetches a web page for ingest, enforcing the allowed hosts, a size limit and a timeout. */
export interface FetchedPage {
  url: string;
  status: number;
  html: string;
  contentType: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface PageFetcher {
  fetchPage(url: string): Promise<FetchedPage>;
}

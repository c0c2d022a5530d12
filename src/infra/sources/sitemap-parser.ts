import { absolute } from "./feed-parser.js";
import { childrenOf, parseXml, textOf, XmlError } from "./safe-xml.js";

export interface SitemapUrl {
  url: string;
  /** As written (W3C datetime), when given. */
  lastmod?: string | undefined;
}

export type ParsedSitemap = { kind: "urlset"; urls: SitemapUrl[] } | { kind: "index"; sitemaps: SitemapUrl[] };

/** A sitemap (`<urlset>`) or sitemap index (`<sitemapindex>`), per https://www.sitemaps.org/protocol.html. */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const doc = parseXml(xml, `sitemap ${sitemapUrl}`);
  if (doc.urlset) return { kind: "urlset", urls: locs(childrenOf(doc.urlset, "url"), sitemapUrl) };
  if (doc.sitemapindex) return { kind: "index", sitemaps: locs(childrenOf(doc.sitemapindex, "sitemap"), sitemapUrl) };
  throw new XmlError(`sitemap ${sitemapUrl} has neither <urlset> nor <sitemapindex>`);
}

function locs(nodes: unknown[], base: string): SitemapUrl[] {
  const out: SitemapUrl[] = [];
  for (const node of nodes) {
    const url = absolute(textOf(childrenOf(node, "loc")[0]), base);
    if (!url) continue;
    const lastmod = textOf(childrenOf(node, "lastmod")[0]);
    out.push(lastmod ? { url, lastmod } : { url });
  }
  return out;
}

/** Newest first by lastmod (W3C datetimes compare as strings once cut to the same length); undated last. */
export function newestFirst(urls: SitemapUrl[]): SitemapUrl[] {
  return [...urls].sort((a, b) => (b.lastmod ?? "").localeCompare(a.lastmod ?? ""));
}

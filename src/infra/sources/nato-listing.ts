import { extractPublishedDate } from "../../core/ingest/extract-date.js";
import type { SourceEntry } from "../../core/ports/release-source.port.js";
import { languageOfUrl } from "../../core/sources/counterpart-url.js";
import { absolute } from "./feed-parser.js";

/** nato.int's listing endpoint answered something that is not its `{ "pages": [...] }` document. */
export class ListingError extends Error {
  override readonly name = "ListingError";
}

/**
 * The JSON the nato.int news pages call to list themselves:
 * `{ "pages": [{ "title", "description", "link", "pageType", "pageDate": "07 July 2026" }], "numberOfPages" }`.
 * Links are resolved against the site and lose the `selectedLocale=null` the endpoint appends. Rows without
 * a link are left out and counted.
 */
export function parseNatoListing(body: string, listingUrl: string): { entries: SourceEntry[]; dropped: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new ListingError(`listing ${listingUrl} is not JSON (${(err as Error).message})`);
  }
  const pages = doc && typeof doc === "object" ? (doc as { pages?: unknown }).pages : undefined;
  if (!Array.isArray(pages)) throw new ListingError(`listing ${listingUrl} has no "pages" array`);
  const entries: SourceEntry[] = [];
  for (const page of pages as unknown[]) {
    const row = page && typeof page === "object" ? (page as Record<string, unknown>) : {};
    const url = typeof row.link === "string" ? absolute(row.link, listingUrl) : undefined;
    if (!url) continue;
    const clean = withoutNullLocale(url);
    const title = typeof row.title === "string" ? row.title.trim() : "";
    const published = typeof row.pageDate === "string" ? extractPublishedDate(row.pageDate) : undefined;
    const lang = languageOfUrl(clean);
    entries.push({
      url: clean,
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
      ...(lang ? { lang } : {}),
    });
  }
  return { entries, dropped: pages.length - entries.length };
}

function withoutNullLocale(url: string): string {
  const parsed = new URL(url);
  if (parsed.searchParams.get("selectedLocale") === "null") parsed.searchParams.delete("selectedLocale");
  return parsed.href;
}

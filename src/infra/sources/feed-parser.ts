import { isLang, type Lang } from "../../core/domain/language.js";
import type { SourceEntry } from "../../core/ports/release-source.port.js";
import { attributeOf, childrenOf, parseXml, textOf, XmlError } from "./safe-xml.js";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * "19 Sep. 2025 12:00:00 GMT" (nato.int's legacy RSS: no weekday, a period after the month), RFC 822
 * "Fri, 19 Sep 2025 12:00:00 GMT", full month names, and ISO 8601 ("2025-09-19T12:00:00Z", Atom) →
 * "2025-09-19", the day as the feed writes it. `Date.parse` is not used: it rejects the legacy form in some
 * engines and guesses at others.
 */
export function parseFeedDate(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/u.exec(raw);
  if (iso) return toIsoDate(iso[1] ?? "", Number(iso[2]), iso[3] ?? "");
  const written =
    /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:[a-z]{1,5}|[+-]\d{4}))?$/iu.exec(
      raw,
    );
  if (!written) return undefined;
  const month = MONTHS[(written[2] ?? "").toLowerCase()] ?? MONTHS[(written[2] ?? "").toLowerCase().slice(0, 3)];
  return toIsoDate(written[3] ?? "", month, written[1] ?? "");
}

/** YYYY-MM-DD when the parts name a real calendar day. */
function toIsoDate(year: string, month: number | undefined, day: string): string | undefined {
  const y = Number(year);
  const d = Number(day);
  if (!month || !Number.isInteger(y) || !Number.isInteger(d)) return undefined;
  const utc = new Date(Date.UTC(y, month - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== d) return undefined;
  return utc.toISOString().slice(0, 10);
}

export interface ParsedFeed {
  format: "rss" | "atom";
  title?: string | undefined;
  entries: SourceEntry[];
  /** Items without a usable link, left out. */
  dropped: number;
}

/** An RSS 2.0 or Atom document → its entries, links resolved against the feed's URL. Throws XmlError. */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const doc = parseXml(xml, `feed ${feedUrl}`);
  const rss = doc.rss ?? doc["rdf:RDF"];
  if (rss) return parseRss(rss, feedUrl);
  if (doc.feed) return parseAtom(doc.feed, feedUrl);
  const root = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "nothing";
  throw new XmlError(`feed ${feedUrl} is neither RSS 2.0 nor Atom (its root element is <${root}>)`);
}

function parseRss(rss: unknown, feedUrl: string): ParsedFeed {
  const channel = childrenOf(rss, "channel")[0];
  const lang = langOf(textOf(childrenOf(channel, "language")[0]));
  // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
  const items = [...childrenOf(channel, "item"), ...childrenOf(rss, "item")];
  const entries: SourceEntry[] = [];
  for (const item of items) {
    const guid = childrenOf(item, "guid")[0];
    const permalink = attributeOf(guid, "isPermaLink") !== "false" ? textOf(guid) : "";
    const url = absolute(textOf(childrenOf(item, "link")[0]) || permalink, feedUrl);
    if (!url) continue;
    const date = textOf(childrenOf(item, "pubDate")[0]) || textOf(childrenOf(item, "dc:date")[0]);
    entries.push(entry(url, textOf(childrenOf(item, "title")[0]), parseFeedDate(date), lang));
  }
  const title = textOf(childrenOf(channel, "title")[0]) || undefined;
  return { format: "rss", title, entries, dropped: items.length - entries.length };
}

function parseAtom(feed: unknown, feedUrl: string): ParsedFeed {
  const feedLang = langOf(attributeOf(feed, "xml:lang"));
  const items = childrenOf(feed, "entry");
  const entries: SourceEntry[] = [];
  for (const item of items) {
    const links = childrenOf(item, "link");
    const link = links.find((l) => (attributeOf(l, "rel") ?? "alternate") === "alternate") ?? links[0];
    const url = absolute(attributeOf(link, "href"), feedUrl);
    if (!url) continue;
    const date = textOf(childrenOf(item, "published")[0]) || textOf(childrenOf(item, "updated")[0]);
    const lang = langOf(attributeOf(item, "xml:lang")) ?? langOf(attributeOf(link, "hreflang")) ?? feedLang;
    entries.push(entry(url, textOf(childrenOf(item, "title")[0]), parseFeedDate(date), lang));
  }
  const title = textOf(childrenOf(feed, "title")[0]) || undefined;
  return { format: "atom", title, entries, dropped: items.length - entries.length };
}

function entry(url: string, title: string, published: string | undefined, lang: Lang | undefined): SourceEntry {
  return { url, ...(title ? { title } : {}), ...(published ? { published } : {}), ...(lang ? { lang } : {}) };
}

function langOf(value: string | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/u)[0];
  return isLang(primary) ? primary : undefined;
}

/** An http(s) URL resolved against `base`, or undefined for anything else (javascript:, mailto:, garbage). */
export function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

import fs from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";
import { parseFeed, parseFeedDate } from "../../src/infra/sources/feed-parser.js";
import { ListingError, parseNatoListing } from "../../src/infra/sources/nato-listing.js";
import { decodeXmlText, parseXml, XmlError } from "../../src/infra/sources/safe-xml.js";
import { newestFirst, parseSitemap } from "../../src/infra/sources/sitemap-parser.js";

const HOST = "127.0.0.1:8080";
const BASE = `http://${HOST}`;
const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/sources", name), "utf8").replaceAll("{HOST}", HOST);
const NEWS = `${BASE}/en/news-and-events/articles/news`;

describe("parseFeedDate", () => {
  it.each([
    ["19 Sep. 2025 12:00:00 GMT", "2025-09-19"],
    ["7 Jul. 2026 09:30:00 GMT", "2026-07-07"],
    ["19 Sept. 2025", "2025-09-19"],
    ["Fri, 19 Sep 2025 12:00:00 GMT", "2025-09-19"],
    ["Sat, 04 Jul 2026 16:00:00 +0200", "2026-07-04"],
    ["4 July 2026 16:00 UTC", "2026-07-04"],
    ["2026-07-01T10:00:00+02:00", "2026-07-01"],
    ["2026-07-05", "2026-07-05"],
  ])("reads %s as %s", (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each(["", "yesterday", "31 Feb. 2025 12:00:00 GMT", "19 Foo. 2025", "2025-13-01"])("gives up on %j", (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
  });
});

describe("parseFeed", () => {
  it("reads nato.int's legacy RSS: odd pubDate, CDATA, entities", () => {
    const feed = parseFeed(fixture("legacy-rss.xml"), `${BASE}/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml`);
    expect(feed).toMatchObject({ format: "rss", title: "NATO News", dropped: 0 });
    expect(feed.entries).toEqual([
      {
        url: `${BASE}/cps/en/natohq/news_234567.htm?selectedLocale=en`,
        title: "NATO Deputy Secretary General visits Lithuania",
        published: "2025-09-19",
        lang: "en",
      },
      {
        url: `${NEWS}/2026/07/07/allies-agree-to-strengthen-integrated-air-and-missile-defence`,
        title: "Allies agree to strengthen integrated air & missile defence",
        published: "2026-07-07",
        lang: "en",
      },
    ]);
  });

  it("reads generic RSS 2.0: relative links, guid permalinks, dc:date, and drops non-web links", () => {
    const feed = parseFeed(fixture("rss.xml"), `${BASE}/feeds/rss.xml`);
    expect(feed.title).toBe("Alliance news – digest");
    expect(feed.dropped).toBe(1);
    expect(feed.entries).toEqual([
      {
        url: `${NEWS}/2026/07/04/allied-navies-complete-exercise-in-the-baltic-sea`,
        title: "Allied navies complete exercise in the Baltic Sea",
        published: "2026-07-04",
        lang: "en",
      },
      {
        url: `${NEWS}/2026/07/05/nato-opens-new-centre-of-excellence-for-climate-and-security`,
        // CDATA is verbatim: its "&" and "<" are text, not markup.
        title: "Permalink only: R&D <update>",
        published: "2026-07-05",
        lang: "en",
      },
    ]);
  });

  it("reads Atom: alternate links resolved against the feed, xml:lang, published before updated", () => {
    const feed = parseFeed(fixture("atom.xml"), `${BASE}/feeds/atom.xml`);
    expect(feed).toMatchObject({ format: "atom", title: "NATO Cyber news", dropped: 1 });
    expect(feed.entries.map((e) => [e.url, e.published, e.lang])).toEqual([
      [`${NEWS}/2026/07/01/nato-and-partners-hold-cyber-defence-pledge-conference`, "2026-07-01", "en"],
      [`${NEWS}/2026/07/05/nato-opens-new-centre-of-excellence-for-climate-and-security`, "2026-07-05", "en"],
    ]);
  });

  it("refuses malformed XML with the line of the fault", () => {
    expect(() => parseFeed(fixture("malformed.xml"), `${BASE}/feeds/malformed.xml`)).toThrow(
      /feed http:\/\/127\.0\.0\.1:8080\/feeds\/malformed\.xml is not well-formed XML \(line 8: .*title/,
    );
    expect(() => parseFeed("<html><body>Maintenance</body></html>", `${BASE}/f`)).toThrow(
      /neither RSS 2.0 nor Atom.*<html>/,
    );
    expect(() => parseFeed("", `${BASE}/f`)).toThrow(XmlError);
  });

  it("refuses an XXE and billion-laughs payload before parsing, expanding nothing", () => {
    const validate = vi.spyOn(XMLValidator, "validate");
    const parse = vi.spyOn(XMLParser.prototype, "parse");
    expect(() => parseFeed(fixture("xxe.xml"), `${BASE}/feeds/xxe.xml`)).toThrow(
      /declares XML entities in its DOCTYPE; refused \(entity expansion is off\)/,
    );
    // Refused on sight of the declarations: neither the validator nor the parser read the document.
    expect(validate).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it("leaves undeclared entity references as written instead of resolving them", () => {
    const xml = `<rss><channel><item><title>&xxe; &amp; &#233;&#x2019;</title><link>${NEWS}/x?a=1&amp;b=2</link></item></channel></rss>`;
    const [entry] = parseFeed(xml, `${BASE}/f`).entries;
    expect(entry).toEqual({ url: `${NEWS}/x?a=1&b=2`, title: "&xxe; & é’" });
  });

  it("ignores a bare DOCTYPE (no internal subset)", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss><channel><item><link>${NEWS}/y</link></item></channel></rss>`;
    expect(parseFeed(xml, `${BASE}/f`).entries).toEqual([{ url: `${NEWS}/y` }]);
  });
});

describe("safe XML helpers", () => {
  it("decodes the five XML entities and character references in one pass", () => {
    expect(decodeXmlText("&amp;lt; &lt;b&gt; &quot;&apos; &#x1F600; &#0; &nbsp;")).toBe("&lt; <b> \"' 😀 &#0; &nbsp;");
  });

  it("refuses an external entity declared anywhere, even without a billion laughs", () => {
    const xml = '<!DOCTYPE x [<!ENTITY e SYSTEM "http://169.254.169.254/latest/meta-data/">]><x>&e;</x>';
    expect(() => parseXml(xml, "test")).toThrow(XmlError);
  });
});

describe("parseSitemap", () => {
  it("reads a urlset and sorts it newest first", () => {
    const parsed = parseSitemap(fixture("sitemap.xml"), `${BASE}/sitemap.xml`);
    expect(parsed.kind).toBe("urlset");
    if (parsed.kind !== "urlset") return;
    expect(parsed.urls).toHaveLength(5);
    expect(newestFirst(parsed.urls).map((u) => u.lastmod)).toEqual([
      "2026-07-08",
      "2026-07-07T11:00:00+02:00",
      "2026-07-07T09:30:00+02:00",
      "2026-07-06T15:00:00+02:00",
      "2026-07-05T10:00:00+02:00",
    ]);
  });

  it("reads a sitemap index", () => {
    const xml = `<sitemapindex><sitemap><loc>/sitemap-news.xml</loc><lastmod>2026-07-07</lastmod></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, `${BASE}/sitemap.xml`)).toEqual({
      kind: "index",
      sitemaps: [{ url: `${BASE}/sitemap-news.xml`, lastmod: "2026-07-07" }],
    });
    expect(() => parseSitemap("<urls/>", `${BASE}/sitemap.xml`)).toThrow(/neither <urlset> nor <sitemapindex>/);
  });
});

describe("parseNatoListing", () => {
  const listingUrl = `${BASE}/content/nato/en/news-and-events/articles/news/jcr:content/root/container/general_search.search.json?languages=en`;

  it("reads pages: links resolved, selectedLocale=null dropped, pageDate parsed, rows without a link counted", () => {
    const { entries, dropped } = parseNatoListing(fixture("listing.json"), listingUrl);
    expect(dropped).toBe(1);
    expect(entries).toHaveLength(7);
    expect(entries[0]).toEqual({
      url: `${NEWS}/2026/07/07/allies-agree-to-strengthen-integrated-air-and-missile-defence`,
      title: "Allies agree to strengthen integrated air and missile defence",
      published: "2026-07-07",
      lang: "en",
    });
    expect(entries[1]?.url).toBe(`${NEWS}/2026/07/06/secretary-general-welcomes-new-commitments-to-ukraine`);
    expect(entries[6]?.url).toMatch(/\?utm_source=newsletter$/);
  });

  it("says what is wrong with a listing that is not the expected JSON", () => {
    expect(() => parseNatoListing("<html>", listingUrl)).toThrow(ListingError);
    expect(() => parseNatoListing("<html>", listingUrl)).toThrow(/is not JSON/);
    expect(() => parseNatoListing('{"results": []}', listingUrl)).toThrow(/has no "pages" array/);
    expect(parseNatoListing('{"pages": [42, null, {"link": "mailto:x@y"}]}', listingUrl)).toEqual({
      entries: [],
      dropped: 3,
    });
  });
});

import { createHash } from "node:crypto";
import fs from "node:fs";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import path from "node:path";
import { closeServer, listenOnLoopback } from "./http-helpers.js";

/** One answer of the fixture site. Bodies may say `{HOST}` where the server's host:port belongs. */
export interface FixtureRoute {
  status?: number;
  type?: string;
  /** A fixture file under tests/fixtures/sources/, or literal text. */
  file?: string;
  body?: string;
  /** Streams this many bytes of filler instead of a body. */
  bigBytes?: number;
  headers?: Record<string, string>;
  /** ETag and Last-Modified, and 304 on a matching If-None-Match / If-Modified-Since (default true for 200s). */
  validators?: boolean;
  /** Answers after this long (a slow site), so requests that overlap can be seen overlapping (`inFlight`). */
  delayMs?: number;
}

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** What the server answered. */
  status: number;
}

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/sources");
const LAST_MODIFIED = "Tue, 07 Jul 2026 08:00:00 GMT";

/**
 * A stand-in for nato.int on 127.0.0.1 (port 0): listing JSON, sitemap, legacy RSS, pages in both languages
 * and both layouts, plus the bad cases (403, a 10 MB page, malformed XML, an XXE feed). Routes are matched
 * on the path alone, so `?selectedLocale=fr` reaches the same page, and can be changed while it runs.
 */
export class FixtureWebServer {
  readonly requests: SeenRequest[] = [];
  /** Per path: requests being answered now, and the most there ever were at once. */
  readonly inFlight = new Map<string, { now: number; max: number }>();
  private readonly routes = new Map<string, FixtureRoute>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(routes: Record<string, FixtureRoute> = natoSiteRoutes()): Promise<FixtureWebServer> {
    let fixture: FixtureWebServer | undefined;
    const server = createServer((req, res) => fixture?.handle(req, res));
    const port = await listenOnLoopback(server);
    fixture = new FixtureWebServer(server, `http://127.0.0.1:${port}`);
    for (const [route, answer] of Object.entries(routes)) fixture.set(route, answer);
    return fixture;
  }

  get host(): string {
    return new URL(this.url).host;
  }

  set(routePath: string, route: FixtureRoute): void {
    this.routes.set(routePath, route);
  }

  delete(routePath: string): void {
    this.routes.delete(routePath);
  }

  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): SeenRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "/";
    const routePath = decodeURIComponent(url.split("?")[0] ?? "/");
    const seen: SeenRequest = { method: req.method ?? "GET", url, path: routePath, headers: req.headers, status: 0 };
    this.requests.push(seen);
    const route = this.routes.get(routePath) ?? { status: 404, type: "text/html", body: "<p>Not found</p>" };
    if (route.delayMs) {
      const count = this.inFlight.get(routePath) ?? { now: 0, max: 0 };
      count.now++;
      count.max = Math.max(count.max, count.now);
      this.inFlight.set(routePath, count);
      // A request ends when answered, or when its client went away (a killed process is not fetching any more).
      let ended = false;
      const end = () => {
        if (!ended) count.now--;
        ended = true;
      };
      res.once("close", end);
      setTimeout(() => {
        end();
        if (!res.destroyed) this.answer(req, res, route, seen);
      }, route.delayMs);
      return;
    }
    this.answer(req, res, route, seen);
  }

  private answer(req: IncomingMessage, res: ServerResponse, route: FixtureRoute, seen: SeenRequest): void {
    const status = route.status ?? 200;
    const type = route.type ?? "text/html; charset=utf-8";
    if (route.bigBytes) {
      seen.status = 200;
      sendBig(res, route.bigBytes, type);
      return;
    }
    const body = (
      route.file ? fs.readFileSync(path.join(FIXTURES, route.file), "utf8") : (route.body ?? "")
    ).replaceAll("{HOST}", this.host);
    const headers: Record<string, string> = { "content-type": type, ...route.headers };
    if (status === 200 && route.validators !== false) {
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      headers.etag = etag;
      headers["last-modified"] = LAST_MODIFIED;
      // RFC 9110 §13.1.3: If-None-Match, when sent, decides; If-Modified-Since only counts without it.
      const inm = req.headers["if-none-match"];
      const unchanged = inm !== undefined ? inm === etag : req.headers["if-modified-since"] === LAST_MODIFIED;
      if (unchanged) {
        seen.status = 304;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
    }
    seen.status = status;
    res.writeHead(status, headers);
    res.end(body);
  }
}

function sendBig(res: ServerResponse, bytes: number, type: string): void {
  const chunk = Buffer.alloc(64 * 1024, "<p>filler</p>");
  let sent = 0;
  res.writeHead(200, { "content-type": type });
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export const NEWS = "/en/news-and-events/articles/news";
export const NEWS_FR = "/fr/news-and-events/articles/news";
export const PATHS = {
  listing: "/content/nato/en/news-and-events/articles/news/jcr:content/root/container/general_search.search.json",
  sitemap: "/sitemap.xml",
  legacyRss: "/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml",
  a: `${NEWS}/2026/07/07/allies-agree-to-strengthen-integrated-air-and-missile-defence`,
  aFr: `${NEWS_FR}/2026/07/07/allies-agree-to-strengthen-integrated-air-and-missile-defence`,
  b: `${NEWS}/2026/07/06/secretary-general-welcomes-new-commitments-to-ukraine`,
  bFr: `${NEWS_FR}/2026/07/06/le-secretaire-general-salue-de-nouveaux-engagements-envers-l-ukraine`,
  c: `${NEWS}/2026/07/05/nato-opens-new-centre-of-excellence-for-climate-and-security`,
  d: `${NEWS}/2026/07/04/allied-navies-complete-exercise-in-the-baltic-sea`,
  dFr: `${NEWS_FR}/2026/07/04/allied-navies-complete-exercise-in-the-baltic-sea`,
  forbidden: `${NEWS}/2026/07/03/restricted-briefing`,
  huge: `${NEWS}/2026/07/02/very-large-page`,
  e: `${NEWS}/2026/07/01/nato-and-partners-hold-cyber-defence-pledge-conference`,
  legacy: "/cps/en/natohq/news_234567.htm",
  legacyFr: "/cps/fr/natohq/news_234567.htm",
  atom: "/feeds/atom.xml",
  rss: "/feeds/rss.xml",
  malformed: "/feeds/malformed.xml",
  xxe: "/feeds/xxe.xml",
} as const;

/** The fixture nato.int: what the listing, sitemap, legacy RSS and extra feeds point at. */
export function natoSiteRoutes(): Record<string, FixtureRoute> {
  const xml = "application/xml; charset=utf-8";
  return {
    [PATHS.listing]: { file: "listing.json", type: "application/json; charset=utf-8" },
    [PATHS.sitemap]: { file: "sitemap.xml", type: xml },
    [PATHS.legacyRss]: { file: "legacy-rss.xml", type: "application/rss+xml; charset=utf-8" },
    [PATHS.a]: { file: "current-a.en.html" },
    [PATHS.aFr]: { file: "current-a.fr.html" },
    [PATHS.b]: { file: "current-b.en.html" },
    [PATHS.bFr]: { file: "current-b.fr.html" },
    [PATHS.c]: { file: "current-c.en.html" },
    [PATHS.d]: { file: "no-selectors.en.html" },
    [PATHS.dFr]: { file: "no-selectors.fr.html" },
    [PATHS.forbidden]: { status: 403, body: "<h1>Access denied</h1>" },
    [PATHS.huge]: { bigBytes: 10 * 1024 * 1024 },
    [PATHS.e]: { file: "feed-only.en.html" },
    [PATHS.legacy]: { file: "legacy.en.html" },
    [PATHS.legacyFr]: { file: "legacy.fr.html" },
    [PATHS.atom]: { file: "atom.xml", type: "application/atom+xml" },
    [PATHS.rss]: { file: "rss.xml", type: "application/rss+xml" },
    [PATHS.malformed]: { file: "malformed.xml", type: xml },
    [PATHS.xxe]: { file: "xxe.xml", type: xml },
  };
}

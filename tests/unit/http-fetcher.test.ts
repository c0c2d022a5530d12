import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { allowsHost, DEFAULT_USER_AGENT, FetchError, HttpFetcher } from "../../src/infra/sources/http-fetcher.js";

const PAGE = '<!DOCTYPE html><html lang="en"><body><h1>Release</h1><p>Text – ’ «»</p></body></html>';
const MB = 1024 * 1024;

let server: Server;
let base: string;
let port: number;
const seen: { userAgent?: string | undefined; bigAborted: boolean; bigBytes: number; hungUp: string[] } = {
  bigAborted: false,
  bigBytes: 0,
  hungUp: [],
};

/** Never finishes the response: notes the path once the client closes the connection. */
function hang(req: IncomingMessage, res: ServerResponse): void {
  res.on("close", () => seen.hungUp.push(String(req.url)));
}

/** Writes 10 MB in 64 KiB chunks, respecting backpressure, and notes whether the client hung up first. */
function sendBig(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, "a");
  res.writeHead(200, { "content-type": "text/html" });
  res.on("close", () => {
    seen.bigAborted = !res.writableFinished;
  });
  const pump = () => {
    while (seen.bigBytes < 10 * MB && !res.destroyed) {
      seen.bigBytes += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const html = { "content-type": "text/html; charset=utf-8" };
  switch (req.url) {
    case "/page":
      seen.userAgent = req.headers["user-agent"];
      res.writeHead(200, { ...html, etag: '"v1"', "last-modified": "Tue, 13 Feb 2024 10:00:00 GMT" });
      res.end(PAGE);
      return;
    case "/declared":
      res.writeHead(200, { ...html, "content-length": Buffer.byteLength(PAGE) });
      res.end(PAGE);
      return;
    case "/feed.xml":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end("<rss><channel><title>NATO</title></channel></rss>");
      return;
    case "/latin1":
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from([0x3c, 0x70, 0x3e, 0x4f, 0x54, 0x41, 0x4e, 0x20, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
      return;
    case "/redirect-ok":
      res.writeHead(302, { location: "/page" });
      res.end();
      return;
    case "/redirect-twice":
      res.writeHead(301, { location: `${base}/redirect-ok` });
      res.end();
      return;
    case "/redirect-away":
      res.writeHead(302, { location: `http://localhost:${port}/page` });
      res.end();
      return;
    case "/redirect-loop":
      res.writeHead(302, { location: "/redirect-loop" });
      res.end();
      return;
    case "/big":
      sendBig(res);
      return;
    case "/slow-headers":
      hang(req, res);
      return;
    case "/slow-body":
      res.writeHead(200, html);
      res.write("<p>first part");
      hang(req, res);
      return;
    case "/forbidden":
      res.writeHead(403, html);
      res.end("<p>Forbidden</p>");
      return;
    case "/pdf":
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.7");
      return;
    case "/no-type":
      res.writeHead(200);
      res.end(PAGE);
      return;
    default:
      res.writeHead(404, html);
      res.end("<p>Not found</p>");
  }
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error("expected a FetchError, got a page");
}

const fetcher = (options: Partial<ConstructorParameters<typeof HttpFetcher>[0]> = {}) =>
  new HttpFetcher({ allowedHosts: [`127.0.0.1:${port}`], ...options });

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("HttpFetcher", () => {
  it("fetches an allowed page with its headers and an honest User-Agent", async () => {
    const page = await fetcher().fetchPage(`${base}/page`);
    expect(page).toEqual({
      url: `${base}/page`,
      status: 200,
      html: PAGE,
      contentType: "text/html; charset=utf-8",
      etag: '"v1"',
      lastModified: "Tue, 13 Feb 2024 10:00:00 GMT",
    });
    expect(seen.userAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toBe("nato-brief/0.1 (+https://github.com/nato-brief/nato-brief)");
  });

  it("fetchText reads feeds, and bodies are decoded with the declared charset", async () => {
    const feed = await fetcher().fetchText(`${base}/feed.xml`);
    expect(feed.html).toContain("<rss>");
    expect(feed.etag).toBeUndefined();
    expect((await fetcher().fetchPage(`${base}/latin1`)).html).toBe("<p>OTAN é</p>");
  });

  it("follows redirects within the allow list and reports the final URL", async () => {
    expect((await fetcher().fetchPage(`${base}/redirect-ok`)).url).toBe(`${base}/page`);
    expect((await fetcher().fetchPage(`${base}/redirect-twice`)).url).toBe(`${base}/page`);
  });

  it("refuses a host that is not allowed, without any request", async () => {
    const error = await failure(fetcher().fetchPage(`http://localhost:${port}/page`));
    expect(error.code).toBe("not-allowed");
    expect(error.message).toContain(`localhost:${port} is not an allowed source host (allowed: 127.0.0.1:${port})`);
  });

  it("re-checks every redirect hop against the allow list", async () => {
    const error = await failure(fetcher().fetchPage(`${base}/redirect-away`));
    expect(error.code).toBe("not-allowed");
    expect(error.url).toBe(`http://localhost:${port}/page`);
  });

  it("stops after 5 redirects", async () => {
    const error = await failure(fetcher().fetchPage(`${base}/redirect-loop`));
    expect(error.code).toBe("http");
    expect(error.message).toMatch(/Too many redirects/);
  });

  it("refuses non-web schemes and URLs with credentials", async () => {
    expect((await failure(fetcher().fetchPage("file:///etc/passwd"))).code).toBe("not-allowed");
    expect((await failure(fetcher().fetchPage(`ftp://127.0.0.1:${port}/page`))).code).toBe("not-allowed");
    expect((await failure(fetcher().fetchPage(`http://u:p@127.0.0.1:${port}/page`))).code).toBe("not-allowed");
    expect((await failure(fetcher().fetchPage("not a url"))).code).toBe("not-allowed");
  });

  it("pins the port when the allow list entry names one", async () => {
    expect((await fetcher({ allowedHosts: [`127.0.0.1:${port}`] }).fetchPage(`${base}/page`)).status).toBe(200);
    const error = await failure(fetcher({ allowedHosts: ["127.0.0.1:1"] }).fetchPage(`${base}/page`));
    expect(error.code).toBe("not-allowed");
  });

  it("aborts a 10 MB body past maxBytes instead of reading it all", async () => {
    const error = await failure(fetcher().fetchPage(`${base}/big`));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain(`limit is ${5 * MB} bytes`);
    await vi.waitFor(() => expect(seen.bigAborted).toBe(true));
    expect(seen.bigBytes).toBeLessThan(10 * MB);
  });

  it("refuses a body whose Content-Length is already over the limit", async () => {
    const error = await failure(fetcher({ maxBytes: 10 }).fetchPage(`${base}/declared`));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/\d+ bytes announced/);
  });

  it("times out on headers that never come and on a stalled body, and hangs up", async () => {
    const error = await failure(fetcher({ timeoutMs: 200 }).fetchPage(`${base}/slow-headers`));
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("200 ms");
    expect((await failure(fetcher({ timeoutMs: 200 }).fetchPage(`${base}/slow-body`))).code).toBe("timeout");
    // The server never answers: the client closed both connections (the deadline only bounds a hang).
    await vi.waitFor(() => expect(seen.hungUp.sort()).toEqual(["/slow-body", "/slow-headers"]), { timeout: 10_000 });
  });

  it.each([
    ["/missing", 404],
    ["/forbidden", 403],
  ])("reports HTTP %s as an http error with status %i", async (path, status) => {
    const error = await failure(fetcher().fetchPage(`${base}${path}`));
    expect(error.code).toBe("http");
    expect(error.status).toBe(status);
    expect(error.url).toBe(`${base}${path}`);
    expect(error.message).toContain(String(status));
  });

  it("refuses content that is not HTML, XML or text", async () => {
    const pdf = await failure(fetcher().fetchPage(`${base}/pdf`));
    expect(pdf.code).toBe("bad-content-type");
    expect(pdf.message).toContain("application/pdf");
    expect((await failure(fetcher().fetchPage(`${base}/no-type`))).code).toBe("bad-content-type");
  });

  it("reports a refused connection as a network error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      fetcher({ allowedHosts: [`127.0.0.1:${closedPort}`] }).fetchPage(`http://127.0.0.1:${closedPort}/page`),
    );
    expect(error.code).toBe("network");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("rejects malformed allow list entries", () => {
    expect(() => fetcher({ allowedHosts: ["https://www.nato.int/path"] })).toThrow(/must be a bare host/);
  });
});

describe("allowsHost", () => {
  it("matches exact hosts, subdomains only under *., not look-alikes", () => {
    const hosts = ["nato.int", "*.nato.int", "127.0.0.1:8080"];
    expect(allowsHost(hosts, "https://nato.int/a")).toBe(true);
    expect(allowsHost(hosts, "https://www.nato.int/a")).toBe(true);
    expect(allowsHost(hosts, "https://WWW.NATO.INT./a")).toBe(true);
    expect(allowsHost(hosts, "https://evilnato.int/a")).toBe(false);
    expect(allowsHost(hosts, "https://nato.int.evil.test/a")).toBe(false);
    expect(allowsHost(hosts, "http://127.0.0.1:8080/a")).toBe(true);
    expect(allowsHost(hosts, "http://127.0.0.1/a")).toBe(false);
    expect(allowsHost(hosts, "http://1.127.0.0.1:8080/a")).toBe(false);
    expect(allowsHost(["127.0.0.1:80"], "http://127.0.0.1/a")).toBe(true);
    expect(allowsHost(["127.0.0.1:80"], "http://127.0.0.1:81/a")).toBe(false);
    expect(allowsHost(["[::1]:8080"], "http://[::1]:8080/a")).toBe(true);
  });
});

import { promises as dns, type LookupAddress } from "node:dns";
import { Agent, type Response, fetch as undiciFetch } from "undici";
import type { Logger } from "../../core/ports/logger.port.js";
import { silentLogger } from "../../core/ports/logger.port.js";
import type { FetchedPage, PageFetcher } from "../../core/ports/page-fetcher.port.js";
import { allowsAddress, describeRule, type HostRule, matches, parseRule } from "./host-allow-list.js";
import { isInternalAddress } from "./internal-address.js";

export { allowsHost } from "./host-allow-list.js";

export type FetchErrorCode =
  | "not-allowed"
  | "timeout"
  | "too-large"
  | "http"
  | "network"
  | "bad-content-type"
  // Not sent: the host refused recently and its back-off has not run out (see host-backoff.ts).
  | "backing-off";

/** Why a page could not be fetched; `status` is set for HTTP errors, `url` is the hop that failed. */
export class FetchError extends Error {
  override readonly name = "FetchError";
  readonly code: FetchErrorCode;
  readonly status?: number;
  readonly url?: string;
  /** The server's Retry-After header (seconds or an HTTP date), on 429 and 503 answers that send one. */
  readonly retryAfter?: string;

  constructor(
    code: FetchErrorCode,
    message: string,
    details: { status?: number; url?: string; retryAfter?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.url !== undefined) this.url = details.url;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

/** Validators of a stored copy, sent as If-None-Match / If-Modified-Since so an unchanged page costs a 304. */
export interface ConditionalRequest {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** "json" also admits application/json (listing endpoints); pages and feeds are "text". */
  expect?: "text" | "json";
}

/** A 304 answer: the stored copy is still current. */
export interface NotModified {
  notModified: true;
  url: string;
  status: 304;
}

/** Name → addresses, as `dns.lookup(name, { all: true })` answers; tests inject their own. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface HttpFetcherOptions {
  /**
   * Hosts pages may come from: `www.nato.int` only itself, `*.nato.int` its subdomains; ports 80 and 443 unless
   * the entry names one (`127.0.0.1:8080`). A name resolving to an internal address is refused unless that
   * address is listed too.
   */
  allowedHosts: string[];
  resolver?: Resolver;
  userAgent?: string;
  timeoutMs?: number;
  maxBytes?: number;
  logger?: Logger;
}

export const DEFAULT_USER_AGENT = "nato-brief/0.1 (+https://github.com/nato-brief/nato-brief)";
const MAX_REDIRECTS = 5;
const ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8";
const TEXTUAL = /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?xml)$/u;
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/u;
const ACCEPT_JSON = "application/json,text/json;q=0.9,*/*;q=0.1";

/**
 * Fetches release pages and feeds from an allow list of hosts only, so a URL pasted in chat cannot make the
 * server read internal addresses. Redirects are followed by hand to check every hop; the body is streamed and
 * cut off at `maxBytes`; one timeout covers the whole exchange.
 */
export class HttpFetcher implements PageFetcher {
  private readonly rules: HostRule[];
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly logger: Logger;
  private readonly agent: Agent;

  constructor(options: HttpFetcherOptions) {
    this.rules = options.allowedHosts.map(parseRule);
    const resolver = options.resolver ?? systemResolver;
    // Every connection's address comes from this lookup, checked here: what was checked is what is connected to,
    // so a name cannot resolve to a public address for the check and an internal one for the connection.
    this.agent = new Agent({ connect: { lookup: checkedLookup(resolver, this.rules) } });
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.logger = options.logger ?? silentLogger;
  }

  /** Same as fetchPage: feeds and text files go through the same checks. */
  fetchText(url: string): Promise<FetchedPage> {
    return this.fetchPage(url);
  }

  async fetchPage(url: string): Promise<FetchedPage> {
    const result = await this.fetchConditional(url);
    // Without validators no server may answer 304; one that does anyway is answering nonsense.
    if ("notModified" in result)
      throw new FetchError("http", `${url} answered 304 to an unconditional request`, { url });
    return result;
  }

  /**
   * Like fetchPage, with the stored copy's validators: an unchanged page answers `{ notModified: true }`
   * (HTTP 304) instead of its body. `expect: "json"` also admits JSON bodies.
   */
  async fetchConditional(url: string, request: ConditionalRequest = {}): Promise<FetchedPage | NotModified> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const started = Date.now();
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        const target = this.checkAllowed(current);
        const response = await this.request(target, controller.signal, request);
        if (response.status === 304) {
          await response.body?.cancel();
          this.logger.info("page not modified", { url: current, status: 304, ms: Date.now() - started });
          return { notModified: true, url: current, status: 304 };
        }
        const location = response.headers.get("location");
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          if (hop >= MAX_REDIRECTS) {
            throw new FetchError("http", `Too many redirects (more than ${MAX_REDIRECTS}) starting from ${url}`, {
              status: response.status,
              url: current,
            });
          }
          const next = new URL(location, target).href;
          this.logger.debug("following redirect", { from: current, to: next, status: response.status });
          current = next;
          continue;
        }
        const page = await this.readPage(response, current, controller, request.expect === "json");
        this.logger.info("page fetched", { url: current, status: page.status, ms: Date.now() - started });
        return page;
      }
    } catch (error) {
      throw this.explain(error, current, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async request(target: URL, signal: AbortSignal, conditional: ConditionalRequest): Promise<Response> {
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: conditional.expect === "json" ? ACCEPT_JSON : ACCEPT,
    };
    if (conditional.etag) headers["if-none-match"] = conditional.etag;
    if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
    return undiciFetch(target, { redirect: "manual", signal, headers, dispatcher: this.agent });
  }

  private async readPage(
    response: Response,
    url: string,
    controller: AbortController,
    json = false,
  ): Promise<FetchedPage> {
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      const retryAfter = response.headers.get("retry-after") ?? undefined;
      throw new FetchError("http", `${url} answered HTTP ${response.status} ${response.statusText}`.trim(), {
        status: response.status,
        url,
        ...(retryAfter ? { retryAfter } : {}),
      });
    }
    const contentType = response.headers.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!TEXTUAL.test(mediaType) && !(json && JSON_TYPE.test(mediaType))) {
      await response.body?.cancel();
      const what = mediaType === "" ? "no content type" : `content type ${mediaType}`;
      throw new FetchError("bad-content-type", `${url} sent ${what}; only HTML, XML and text pages can be read`, {
        status: response.status,
        url,
      });
    }
    const bytes = await this.readBody(response, url, controller);
    const page: FetchedPage = { url, status: response.status, html: decode(bytes, contentType), contentType };
    const etag = response.headers.get("etag");
    const lastModified = response.headers.get("last-modified");
    if (etag) page.etag = etag;
    if (lastModified) page.lastModified = lastModified;
    return page;
  }

  /** Reads chunk by chunk and gives up as soon as the limit is passed, so a huge page is never held whole. */
  private async readBody(response: Response, url: string, controller: AbortController): Promise<Uint8Array> {
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      await response.body?.cancel();
      throw this.tooLarge(url, `${declared} bytes announced`);
    }
    if (!response.body) return new Uint8Array();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel();
        controller.abort();
        throw this.tooLarge(url, `more than ${this.maxBytes} bytes received`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, total);
  }

  private tooLarge(url: string, detail: string): FetchError {
    return new FetchError("too-large", `${url} is too large (${detail}; the limit is ${this.maxBytes} bytes)`, { url });
  }

  private checkAllowed(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch (cause) {
      throw new FetchError("not-allowed", `"${raw}" is not a valid URL`, { url: raw, cause });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new FetchError("not-allowed", `${raw}: only http and https URLs can be fetched, not ${url.protocol}`, {
        url: raw,
      });
    }
    if (url.username || url.password) {
      throw new FetchError("not-allowed", `${url.host}: URLs with a user name or password are not fetched`, {
        url: raw,
      });
    }
    if (!this.rules.some((rule) => matches(rule, url))) {
      const allowed = this.rules.map(describeRule).join(", ") || "none";
      throw new FetchError("not-allowed", `${url.host} is not an allowed source host (allowed: ${allowed})`, {
        url: raw,
      });
    }
    return url;
  }

  private explain(error: unknown, url: string, signal: AbortSignal): FetchError {
    if (error instanceof FetchError) return error;
    if (error instanceof Error && error.cause instanceof FetchError) return error.cause;
    if (signal.aborted) {
      return new FetchError("timeout", `${url} did not answer within ${this.timeoutMs} ms`, { url, cause: error });
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new FetchError("network", `Could not fetch ${url}: ${reason}`, { url, cause: error });
  }
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `net.connect` lookup that resolves with `resolver` and refuses internal addresses the rules do not name. */
function checkedLookup(resolver: Resolver, rules: HostRule[]) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (addresses) => {
        const internal = addresses.find((a) => isInternalAddress(a.address) && !allowsAddress(rules, a.address));
        if (addresses.length === 0 || internal) {
          const why = internal ? `resolves to the internal address ${internal.address}` : "resolves to no address";
          callback(new FetchError("not-allowed", `${hostname} ${why}; it is not fetched`, { url: hostname }), "");
          return;
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), ""),
    );
  };
}

/** Decodes with the charset the server declared; an unknown label falls back to UTF-8 rather than failing. */
function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)"?/iu.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

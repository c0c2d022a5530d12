import { canonicalizeUrl } from "../../core/ingest/canonical-url.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { FetchedPage } from "../../core/ports/page-fetcher.port.js";
import type { SourceStateStore } from "../../core/ports/source-state.port.js";
import type { HostBackoff } from "./host-backoff.js";
import { isBackoffStatus } from "./host-backoff.js";
import { type ConditionalRequest, FetchError, type HttpFetcher, type NotModified } from "./http-fetcher.js";
import type { HostRateLimiter } from "./rate-limiter.js";

export interface PoliteFetcherDeps {
  http: HttpFetcher;
  state: SourceStateStore;
  limiter: HostRateLimiter;
  backoff: HostBackoff;
  logger?: Logger;
}

export interface FetchedDocument {
  url: string;
  body: string;
  /** true when the server answered 304 and `body` is the stored copy. */
  notModified: boolean;
}

/**
 * How the poller talks to sites: through the allow-listed, size- and time-limited HttpFetcher, one request per
 * host per interval, never to a host that is backing off, and with "changed since?" validators so a page that
 * did not change costs a 304. Validators are keyed by canonical URL.
 */
export class PoliteFetcher {
  private readonly logger: Logger;

  constructor(private readonly deps: PoliteFetcherDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** A listing, sitemap or feed. Its body is kept with its validators, so a 304 answers with the stored copy. */
  async document(url: string, expect: "text" | "json" = "text"): Promise<FetchedDocument> {
    const key = keyOf(url);
    const stored = await this.deps.state.validators(key);
    const copy = stored?.body !== undefined ? stored : undefined;
    const result = await this.send(url, { etag: copy?.etag, lastModified: copy?.lastModified, expect });
    if ("notModified" in result) return { url, body: copy?.body ?? "", notModified: true };
    await this.deps.state.saveValidators(key, {
      etag: result.etag,
      lastModified: result.lastModified,
      body: result.html,
    });
    return { url: result.url, body: result.html, notModified: false };
  }

  /**
   * A release page. `conditional` sends the validators of its last fetch: the caller asks only when it holds the
   * page's text, since a 304 carries none. Bodies are not kept here: the release store has the text.
   */
  async page(url: string, conditional: boolean): Promise<FetchedPage | NotModified> {
    const stored = conditional ? await this.deps.state.validators(keyOf(url)) : undefined;
    const result = await this.send(url, { etag: stored?.etag, lastModified: stored?.lastModified });
    if (!("notModified" in result)) {
      const validators = { etag: result.etag, lastModified: result.lastModified };
      await this.deps.state.saveValidators(keyOf(url), validators);
      if (result.url !== url) await this.deps.state.saveValidators(keyOf(result.url), validators);
    }
    return result;
  }

  private async send(url: string, request: ConditionalRequest): Promise<FetchedPage | NotModified> {
    const host = hostOf(url);
    const key = keyOf(url);
    const blocked = await this.deps.backoff.blocked(host, key);
    if (blocked) {
      const until = blocked.until.toISOString();
      // Say what actually happened last time: a page over the size limit was not refused by anyone.
      const why =
        blocked.lastStatus === 0
          ? `${url} was over the size limit when last fetched; not asked again before ${until}`
          : `${url} (or its host) answered HTTP ${blocked.lastStatus} recently; backing off until ${until}`;
      throw new FetchError("backing-off", `not asked: ${why}`, { url });
    }
    await this.deps.limiter.wait(host);
    try {
      const result = await this.deps.http.fetchConditional(url, request);
      await this.deps.backoff.success(host, key);
      return result;
    } catch (err) {
      if (err instanceof FetchError && err.code === "http" && err.status !== undefined && isBackoffStatus(err.status)) {
        const backoff = await this.deps.backoff.failure(host, key, err.status, err.retryAfter);
        this.logger.warn(backoff.host ? "host refuses requests; backing off the host" : "page refused; backing off", {
          host,
          url,
          status: err.status,
          retryAt: backoff.until.toISOString(),
        });
      }
      if (err instanceof FetchError && err.code === "too-large") {
        const retryAt = await this.deps.backoff.urlFailure(key);
        this.logger.warn("page over the size limit; not asked again before", { url, retryAt: retryAt.toISOString() });
      }
      throw err;
    }
  }
}

function keyOf(url: string): string {
  try {
    return canonicalizeUrl(url);
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

import type { SourcesConfig } from "../../config.js";
import type { Clock } from "../../core/ports/clock.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import type { ReleaseSource } from "../../core/ports/release-source.port.js";
import type { ReleaseStore } from "../../core/ports/release-store.port.js";
import type { SourceStateStore } from "../../core/ports/source-state.port.js";
import { SourcePoller } from "../../core/sources/source-poller.js";
import { FeedSource, PageSource } from "./feed-source.js";
import { HostBackoff } from "./host-backoff.js";
import { HttpFetcher } from "./http-fetcher.js";
import { NatoSiteSource } from "./nato-site-source.js";
import type { PageLayout } from "./page-reader.js";
import { PoliteFetcher } from "./polite-fetcher.js";
import { HostRateLimiter, type Sleep } from "./rate-limiter.js";

export interface SourcesDeps {
  /** HTTP validators and back-off between polls (the store's). */
  state: SourceStateStore;
  store: ReleaseStore;
  logger: Logger;
  /** Injected by tests so rate limiting and back-off never wait on real time. */
  clock?: Clock;
  sleep?: Sleep;
}

export interface Sources {
  list: ReleaseSource[];
  poller: SourcePoller;
  /** A pasted URL: fetched politely from an allowed host, stored with its EN/FR counterpart. */
  ingestUrl(url: string): ReturnType<SourcePoller["ingestPage"]>;
}

/** nato.int's two page layouts: legacy `/cps/...` pages, and everything else in the current one. */
export function natoLayouts(config: SourcesConfig): PageLayout[] {
  return [
    { name: "nato-legacy", pathPattern: /^\/cps\//u, selectors: config.nato.legacySelectors },
    { name: "nato-current", selectors: config.nato.selectors },
  ];
}

/** The configured sources (NATO site, its legacy RSS, extra feeds, single pages) and the poller over them. */
export function createSources(config: SourcesConfig, deps: SourcesDeps): Sources {
  const logger = deps.logger.child({ component: "sources" });
  const state = deps.state;
  const http = new HttpFetcher({
    allowedHosts: config.allowedHosts,
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    logger,
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
  });
  const timing = { ...(deps.clock ? { clock: deps.clock } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) };
  const fetcher = new PoliteFetcher({
    http,
    state,
    limiter: new HostRateLimiter(config.minIntervalMs, timing),
    backoff: new HostBackoff(state, undefined, deps.clock),
    logger,
  });
  const layouts = natoLayouts(config);
  const base = config.natoBaseUrl;
  const list: ReleaseSource[] = [];
  if (config.nato.enabled) {
    list.push(new NatoSiteSource({ ...config.nato, baseUrl: base, layouts }, fetcher, logger));
    if (config.nato.legacyRssPath !== "") {
      const url = new URL(config.nato.legacyRssPath, base).href;
      list.push(new FeedSource("nato-legacy-rss", url, fetcher, layouts, logger));
    }
  }
  for (const url of config.feeds) list.push(new FeedSource(`feed:${url}`, url, fetcher, layouts, logger));
  for (const url of config.pages) list.push(new PageSource(url, fetcher, layouts, logger));
  const poller = new SourcePoller({
    sources: list,
    store: deps.store,
    logger,
    maxEntries: config.maxItems,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  return {
    list,
    poller,
    ingestUrl: (url) => poller.ingestPage(new PageSource(url, fetcher, layouts, logger), url),
  };
}

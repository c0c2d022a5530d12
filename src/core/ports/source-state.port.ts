/** What the last 200 of a URL said about itself; `body` only for listings and feeds (what a 304 stands for). */
export interface StoredValidators {
  etag?: string | undefined;
  lastModified?: string | undefined;
  body?: string | undefined;
}

export interface BackoffState {
  failures: number;
  retryAt: string;
  lastStatus?: number | undefined;
}

/** The source poller's memory between runs: HTTP validators per URL, back-off per host and URL. */
export interface SourceStateStore {
  validators(url: string): Promise<StoredValidators | undefined>;
  /** Without an ETag or Last-Modified, forgets the URL's validators instead. */
  saveValidators(url: string, validators: StoredValidators): Promise<void>;
  /** `target` is "host:www.nato.int" or "url:https://...". */
  backoff(target: string): Promise<BackoffState | undefined>;
  saveBackoff(target: string, state: BackoffState): Promise<void>;
  clearBackoff(target: string): Promise<void>;
}

import { type Clock, systemClock } from "../../core/ports/clock.port.js";
import type { SourceStateStore } from "../../core/ports/source-state.port.js";

export interface BackoffPolicy {
  /** Wait after the first refusal (default 1 minute). */
  baseMs: number;
  /** Longest wait (default 6 hours): doubling stops there. */
  maxMs: number;
  /** Consecutive refusals across a host's pages before the whole host waits (default 3; 429 at once). */
  hostStrikes: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 6 * 60 * 60_000, hostStrikes: 3 };

/** Answers that mean "not now": the host refuses (403), throttles (429) or is failing (5xx). */
export function isBackoffStatus(status: number | undefined): boolean {
  return status === 403 || status === 429 || (status !== undefined && status >= 500 && status <= 599);
}

/**
 * Exponential back-off, kept in the store so a `sources poll --once` run from cron respects the wait an earlier
 * run earned: base, 2×base, 4×base... up to max, or the server's Retry-After when longer.
 * A refused URL waits on its own; the whole host waits after `hostStrikes` refusals in a row (a firewall
 * turning scrapers away) or at once on 429. A success clears the URL and the host's streak.
 */
export class HostBackoff {
  private readonly clock: Clock;

  constructor(
    private readonly state: SourceStateStore,
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  /** When requests may resume, if the host or this URL is backing off now. */
  async blockedUntil(host: string, url: string): Promise<Date | undefined> {
    return (await this.blocked(host, url))?.until;
  }

  /** Until when, and why: the last status that caused the wait (0: the page was over the size limit). */
  async blocked(host: string, url: string): Promise<{ until: Date; lastStatus: number } | undefined> {
    const now = this.clock.now().getTime();
    const waits = [await this.state.backoff(`host:${host}`), await this.state.backoff(`url:${url}`)]
      .flatMap((s) => (s && Date.parse(s.retryAt) > now ? [{ at: Date.parse(s.retryAt), status: s.lastStatus }] : []))
      .sort((a, b) => b.at - a.at);
    const longest = waits[0];
    return longest ? { until: new Date(longest.at), lastStatus: longest.status ?? 0 } : undefined;
  }

  /** Records a refusal; returns until when the URL (and maybe its host) waits, and whether the host does. */
  async failure(
    host: string,
    url: string,
    status: number,
    retryAfter?: string,
  ): Promise<{ until: Date; host: boolean }> {
    const now = this.clock.now().getTime();
    const asked = retryAfterMs(retryAfter, now) ?? 0;
    const urlUntil = await this.bump(`url:${url}`, status, asked, 0);
    const strikes = ((await this.state.backoff(`host:${host}`))?.failures ?? 0) + 1;
    const hostWaits = status === 429 || strikes >= this.policy.hostStrikes;
    const offset = status === 429 ? 0 : this.policy.hostStrikes - 1;
    const hostUntil = hostWaits
      ? await this.bump(`host:${host}`, status, asked, offset)
      : await this.save(`host:${host}`, strikes, new Date(now), status);
    return { until: new Date(Math.max(urlUntil.getTime(), hostUntil.getTime())), host: hostWaits };
  }

  /**
   * A page that will not read (over the size limit): only that URL waits, the host is not to blame.
   * It is asked again after the wait, in case it was fixed.
   */
  urlFailure(url: string): Promise<Date> {
    return this.bump(`url:${url}`, 0, 0, 0);
  }

  async success(host: string, url: string): Promise<void> {
    for (const target of [`host:${host}`, `url:${url}`]) {
      if (await this.state.backoff(target)) await this.state.clearBackoff(target);
    }
  }

  /** One more failure of `target`: waits base × 2^(failures − 1 − offset), capped, or what the server asked. */
  private async bump(target: string, status: number, askedMs: number, offset: number): Promise<Date> {
    const failures = ((await this.state.backoff(target))?.failures ?? 0) + 1;
    const exponent = Math.max(0, failures - 1 - offset);
    const waitMs = Math.min(this.policy.maxMs, Math.max(this.policy.baseMs * 2 ** exponent, askedMs));
    return this.save(target, failures, new Date(this.clock.now().getTime() + waitMs), status);
  }

  private async save(target: string, failures: number, until: Date, status: number): Promise<Date> {
    await this.state.saveBackoff(target, { failures, retryAt: until.toISOString(), lastStatus: status });
    return until;
  }
}

/** Retry-After as seconds or an HTTP date → milliseconds from now. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/u.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

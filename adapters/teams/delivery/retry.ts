import type { Clock } from "./rate-gate.js";
import { realClock } from "./rate-gate.js";

/**
 * Retries of Bot Connector calls. Teams asks bots to retry 429, 412, 502 and 504 with exponential back-off and
 * random jitter (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit#handle-http-429-responses).
 * Note: botbuilder's HTTP pipeline already retries a 429 that carries Retry-After and 5xx answers (up to 3 times,
 * about 1 s apart) inside one call; this layer adds 412, a bare 429, and what is left after those.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  clock: Clock;
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseMs: 500,
  maxMs: 15_000,
  clock: realClock,
  random: Math.random,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** HTTP status of a failed Bot Connector call (botbuilder throws a RestError with `statusCode`). */
export function statusOf(err: unknown): number | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const s = e.statusCode ?? e.status ?? e.response?.status;
  return typeof s === "number" ? s : undefined;
}

/** The server's Retry-After, in ms, when the failed call's response carried one. */
export function retryAfterMsOf(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === "function") {
    raw = (headers as { get(name: string): unknown }).get("retry-after");
  } else if (headers && typeof headers === "object") {
    raw = (headers as Record<string, unknown>)["retry-after"];
  }
  if (typeof raw !== "string" || !raw.trim()) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Network failures (no HTTP answer) are worth another try too. */
export function isNetworkError(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return (
    typeof code === "string" && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|REQUEST_SEND_ERROR)$/.test(code)
  );
}

export function isRetryable(err: unknown): boolean {
  const status = statusOf(err);
  return status === undefined ? isNetworkError(err) : RETRYABLE_STATUSES.has(status);
}

/** "Equal jitter": half the exponential step plus a random share of the other half, never shorter than Retry-After. */
export function backoffMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(step / 2 + policy.random() * (step / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Runs `fn` until it succeeds, fails with a non-retryable error, or `maxAttempts` is reached; a Retry-After
 * longer than `maxMs` ends the retries at once (the caller schedules a later try instead of holding a worker).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (info: { attempt: number; delayMs: number; status?: number | undefined; error: unknown }) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const retryAfter = retryAfterMsOf(err);
      if (attempt >= policy.maxAttempts || !isRetryable(err) || (retryAfter ?? 0) > policy.maxMs) throw err;
      const delayMs = backoffMs(attempt, policy, retryAfter);
      onRetry?.({ attempt, delayMs, status: statusOf(err), error: err });
      await policy.clock.sleep(delayMs);
    }
  }
}

import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from "openai";
import type { TokenUsage } from "../../core/domain/brief.js";

/**
 * The model could not be reached or refused the call (connection refused, timeout, 5xx, 429 after the SDK's
 * retries, 401/403, 4xx). The caller falls back to the offline engine and shows `reason`.
 */
export class LlmUnavailableError extends Error {
  override readonly name = "LlmUnavailableError";
  /** Short, safe to show to users: never the provider's message (a 401 message can echo part of the key). */
  readonly reason: string;
  readonly status: number | undefined;

  constructor(reason: string, options: { cause: unknown; status?: number | undefined }) {
    super(`LLM unavailable: ${reason}`, { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }
}

/** The model answered, twice, with something that is not a valid brief. */
export class LlmOutputError extends Error {
  override readonly name = "LlmOutputError";
  readonly reason: string;
  /** The last unusable reply, for logs and tests. */
  readonly output: string;
  /** Tokens spent on the failed attempts, so the caller can still account for them. */
  readonly usage: TokenUsage | null;

  constructor(problem: string, output: string, usage: TokenUsage | null) {
    super(`LLM output unusable after one repair: ${problem}`);
    this.reason = "invalid model output";
    this.output = output;
    this.usage = usage;
  }
}

/** Maps what the openai SDK throws to LlmUnavailableError; anything else (a bug) is returned unchanged. */
export function toUnavailable(err: unknown, timeoutMs: number): unknown {
  if (err instanceof APIConnectionTimeoutError)
    return new LlmUnavailableError(`timeout after ${timeoutMs} ms`, { cause: err });
  if (err instanceof APIConnectionError) {
    const code = errorCode(err.cause);
    return new LlmUnavailableError(code ? `connection failed (${code})` : "connection failed", { cause: err });
  }
  if (err instanceof APIError) {
    const status = err.status;
    const reason =
      err instanceof RateLimitError
        ? `rate limited (HTTP 429)${retryHint(err.headers)}`
        : err instanceof AuthenticationError
          ? "authentication failed (HTTP 401)"
          : err instanceof PermissionDeniedError
            ? "permission denied (HTTP 403)"
            : status !== undefined && status >= 500
              ? `server error (HTTP ${status})`
              : `request rejected (HTTP ${status ?? "?"})`;
    return new LlmUnavailableError(reason, { cause: err, status });
  }
  return err;
}

function retryHint(headers: Headers | undefined): string {
  const ms = retryAfterMs(headers);
  return ms !== undefined && ms > 0 ? `, retry after ${Math.ceil(ms / 1000)} s` : "";
}

// undici wraps the socket error: TypeError("fetch failed") { cause: Error { code: "ECONNREFUSED" } }.
function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Milliseconds a response asks the client to wait (`retry-after-ms`, `retry-after` seconds or HTTP date). */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return ms;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/**
 * openai@6 sleeps for whatever Retry-After says, an hour included. Past `maxWaitMs` this fetch marks the response
 * `x-should-retry: false` (a header the SDK obeys), so the brief falls back at once instead of hanging.
 */
export function fetchCappingRetryAfter(
  maxWaitMs: number,
  inner: (input: string | URL | Request, init?: RequestInit) => Promise<Response> = fetch,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await inner(input, init);
    const wait = response.ok ? undefined : retryAfterMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

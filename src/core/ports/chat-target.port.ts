import type { DigestPart } from "../digest/digest.js";
import type { TargetRef } from "../domain/subscription.js";

/** A posting limit: at most `count` messages in any `perMs` window. */
export interface Rate {
  count: number;
  perMs: number;
}

/** What a platform allows; the fan-out paces and retries by these, the target only transports. */
export interface ChatTargetLimits {
  /** Largest rendered part, in the unit `measure` returns (characters of text, bytes of a card …). */
  maxPartSize: number;
  /** Per conversation: Slack about 1 message/s per channel, Teams 7 messages/s per conversation. */
  perConversation: Rate;
  /** Across all conversations of this bot, when the platform has such a limit. */
  global?: Rate | undefined;
  /** Requests in flight at once. */
  concurrency: number;
  /** Tries per part for rate limits and transient failures before the delivery is marked failed. */
  maxAttempts: number;
  /** First back-off delay; doubles per attempt, with jitter, up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export interface PostOptions {
  /** Same key for the same (subscription, period, part): a platform that can dedupe on it should. */
  idempotencyKey: string;
}

export interface PostResult {
  messageId: string;
}

/**
 * Delivers digest parts to one platform (Slack `chat.postMessage`, Teams proactive `continueConversation`, the
 * console). Implementations render the neutral part and map platform failures to the typed errors below.
 * Slack: https://api.slack.com/methods/chat.postMessage#rate_limiting — Teams:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 */
export interface ChatTarget {
  readonly platform: string;
  readonly limits: ChatTargetLimits;
  /** Size of the rendered part, compared with `limits.maxPartSize` when a digest is split. */
  measure(part: DigestPart): number;
  post(target: TargetRef, part: DigestPart, options: PostOptions): Promise<PostResult>;
  /**
   * Optional: finds a message already posted with this key (e.g. Slack message metadata read back with
   * `conversations.history`). Asked before re-posting a part whose earlier outcome is unknown (a crash between
   * the platform accepting it and the ledger recording it); without it that part may be posted twice.
   */
  findPosted?(target: TargetRef, idempotencyKey: string): Promise<PostResult | undefined>;
}

export type ChatTargetErrorKind = "rate-limited" | "target-gone" | "transient" | "rejected";

export class ChatTargetError extends Error {
  override readonly name: string = "ChatTargetError";
  constructor(
    readonly kind: ChatTargetErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** HTTP 429 (Slack, Teams) or Teams 412: wait `retryAfterMs` (from `Retry-After`) when given. */
export class RateLimitedError extends ChatTargetError {
  override readonly name = "RateLimitedError";
  constructor(
    message: string,
    readonly retryAfterMs?: number | undefined,
  ) {
    super("rate-limited", message);
  }
}

/** The conversation is gone or the bot was removed (Slack channel_not_found/is_archived, Teams 403/404). */
export class TargetGoneError extends ChatTargetError {
  override readonly name = "TargetGoneError";
  constructor(message: string) {
    super("target-gone", message);
  }
}

/** Worth retrying with back-off: network errors, 5xx (Teams 502/504). */
export class TransientError extends ChatTargetError {
  override readonly name = "TransientError";
  constructor(message: string) {
    super("transient", message);
  }
}

/** The platform refused this message for good (invalid blocks, too large): retrying cannot help. */
export class RejectedError extends ChatTargetError {
  override readonly name = "RejectedError";
  constructor(message: string) {
    super("rejected", message);
  }
}

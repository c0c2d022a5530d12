import { webApi } from "@slack/bolt";
import type { DigestPart } from "../../src/core/digest/digest.js";
import type { TargetRef } from "../../src/core/domain/subscription.js";
import {
  type ChatTarget,
  type ChatTargetLimits,
  type PostOptions,
  type PostResult,
  RateLimitedError,
  RejectedError,
  TargetGoneError,
  TransientError,
} from "../../src/core/ports/chat-target.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { boltLogger } from "./bolt-logger.js";
import { naturalDigestSize, renderDigestPart } from "./render/digest-blocks.js";
import { LIMITS } from "./render/limits.js";

/** Metadata type our digest messages carry, so `findPosted` can recognise a part already in the channel. */
export const DIGEST_EVENT_TYPE = "nato_brief_digest";

/**
 * Slack's posting limits for `chat.postMessage` (https://docs.slack.dev/reference/methods/chat.postMessage and
 * https://docs.slack.dev/apis/web-api/rate-limits): about one message per second per channel, and "several hundred
 * per minute" across a workspace; a 429 carries Retry-After, which the DigestPoster honours.
 */
export const SLACK_LIMITS: ChatTargetLimits = {
  maxPartSize: LIMITS.messageText,
  perConversation: { count: 1, perMs: 1100 },
  global: { count: 300, perMs: 60_000 },
  concurrency: 4,
  maxAttempts: 5,
  baseBackoffMs: 1000,
  maxBackoffMs: 30_000,
};

const GONE = new Set(["channel_not_found", "is_archived", "not_in_channel", "channel_is_archived", "account_inactive"]);
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

/**
 * Digests into Slack channels with `chat.postMessage`. It transports only: pacing and retries belong to the
 * core's DigestPoster, so this client never retries by itself and turns a 429 into a RateLimitedError carrying
 * Slack's Retry-After.
 */
export class SlackChatTarget implements ChatTarget {
  readonly platform = "slack";
  readonly limits = SLACK_LIMITS;
  private readonly client: webApi.WebClient;

  constructor(options: { botToken: string; apiUrl?: string | undefined; logger?: Logger | undefined }) {
    this.client = new webApi.WebClient(options.botToken, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      // Our JSON-lines logger on stderr: the SDK's own would print beside the CLI's output.
      logger: boltLogger((options.logger ?? silentLogger).child({ component: "slack" })),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 15_000,
    });
  }

  measure(part: DigestPart): number {
    return naturalDigestSize(part);
  }

  async post(target: TargetRef, part: DigestPart, options: PostOptions): Promise<PostResult> {
    const message = renderDigestPart(part);
    try {
      const res = await this.client.chat.postMessage({
        channel: target.id,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: options.idempotencyKey } },
      });
      return { messageId: `slack:${res.channel ?? target.id}:${res.ts ?? ""}` };
    } catch (err) {
      throw toChatTargetError(err, target);
    }
  }

  /** Reads the channel's recent history for our metadata; undefined when not found or not allowed to read it. */
  async findPosted(target: TargetRef, idempotencyKey: string): Promise<PostResult | undefined> {
    try {
      const res = await this.client.conversations.history({
        channel: target.id,
        limit: 50,
        include_all_metadata: true,
      });
      const hit = res.messages?.find((m) => {
        // The SDK types the payload as `{}`; ours is `{ key }`.
        const payload = m.metadata?.event_payload as { key?: unknown } | undefined;
        return m.metadata?.event_type === DIGEST_EVENT_TYPE && payload?.key === idempotencyKey;
      });
      return hit?.ts ? { messageId: `slack:${target.id}:${hit.ts}` } : undefined;
    } catch {
      // Without channels:history (an optional scope) the answer is "unknown", which the caller treats as not posted.
      return undefined;
    }
  }
}

export function toChatTargetError(err: unknown, target: TargetRef): Error {
  const where = `Slack ${target.key}`;
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return new RateLimitedError(`${where}: rate limited, retry after ${err.retryAfter}s`, err.retryAfter * 1000);
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    if (GONE.has(code)) return new TargetGoneError(`${where}: ${code}`);
    if (TRANSIENT.has(code)) return new TransientError(`${where}: ${code}`);
    return new RejectedError(`${where}: ${code}`);
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    return err.statusCode >= 500
      ? new TransientError(`${where}: HTTP ${err.statusCode}`)
      : new RejectedError(`${where}: HTTP ${err.statusCode}`);
  }
  if (err instanceof webApi.WebAPIRequestError) return new TransientError(`${where}: ${err.original.message}`);
  return new TransientError(`${where}: ${err instanceof Error ? err.message : String(err)}`);
}

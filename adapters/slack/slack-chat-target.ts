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
import { type BotTokens, singleWorkspaceTokens } from "./bot-tokens.js";
import { NotInstalledError } from "./oauth/sealed-installation-store.js";
import { naturalDigestSize, renderDigestPart } from "./render/digest-blocks.js";
import { LIMITS } from "./render/limits.js";
import { splitTargetId } from "./slack-keys.js";

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
 * Digests into Slack channels with `chat.postMessage`, each with the bot token of the installation its target
 * names (`slack:T123:C456` posts with workspace T123's token). It transports only: pacing and retries belong to
 * the core's DigestPoster, so this client never retries by itself and turns a 429 into a RateLimitedError
 * carrying Slack's Retry-After. A target whose workspace has no installation any more is gone.
 */
export class SlackChatTarget implements ChatTarget {
  readonly platform = "slack";
  readonly limits: ChatTargetLimits;
  private readonly client: webApi.WebClient;
  private readonly tokens: BotTokens;

  constructor(options: {
    /** Single-workspace mode; or `tokens` to resolve each installation's token. */
    botToken?: string | undefined;
    tokens?: BotTokens | undefined;
    apiUrl?: string | undefined;
    logger?: Logger | undefined;
    /**
     * Posts per minute this process allows itself across the workspace (default Slack's 300). Slack's limit is
     * per workspace, not per process: replicas each get their share (SLACK_POSTS_PER_MINUTE, README "Running
     * replicas"); a 429 beyond it is still honoured.
     */
    postsPerMinute?: number | undefined;
  }) {
    this.limits = options.postsPerMinute
      ? { ...SLACK_LIMITS, global: { count: options.postsPerMinute, perMs: 60_000 } }
      : SLACK_LIMITS;
    const tokens = options.tokens ?? (options.botToken ? singleWorkspaceTokens(options.botToken) : undefined);
    if (!tokens) throw new Error("SlackChatTarget needs a bot token or an installation token source");
    this.tokens = tokens;
    // No token of its own: every call names the token of the installation it is for.
    this.client = new webApi.WebClient(undefined, {
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
    const { token, channel } = await this.resolve(target);
    try {
      const res = await this.client.chat.postMessage({
        token,
        channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: options.idempotencyKey } },
      });
      return { messageId: `slack:${res.channel ?? channel}:${res.ts ?? ""}` };
    } catch (err) {
      throw toChatTargetError(err, target);
    }
  }

  /** Reads the channel's recent history for our metadata; undefined when not found or not allowed to read it. */
  async findPosted(target: TargetRef, idempotencyKey: string): Promise<PostResult | undefined> {
    try {
      const { token, channel } = await this.resolve(target);
      const res = await this.client.conversations.history({
        token,
        channel,
        limit: 50,
        include_all_metadata: true,
      });
      const hit = res.messages?.find((m) => {
        // The SDK types the payload as `{}`; ours is `{ key }`.
        const payload = m.metadata?.event_payload as { key?: unknown } | undefined;
        return m.metadata?.event_type === DIGEST_EVENT_TYPE && payload?.key === idempotencyKey;
      });
      return hit?.ts ? { messageId: `slack:${channel}:${hit.ts}` } : undefined;
    } catch {
      // Without channels:history (an optional scope) the answer is "unknown", which the caller treats as not posted.
      return undefined;
    }
  }

  private async resolve(target: TargetRef): Promise<{ token: string; channel: string }> {
    const { installKey, channel } = splitTargetId(target.id);
    try {
      return { token: await this.tokens.botToken(installKey), channel };
    } catch (err) {
      if (err instanceof NotInstalledError) throw new TargetGoneError(`Slack ${target.key}: ${err.message}`);
      throw new TransientError(`Slack ${target.key}: no token (${err instanceof Error ? err.message : String(err)})`);
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

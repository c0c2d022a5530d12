import type { ConversationReference } from "botbuilder";
import type { DigestPart } from "../../../src/core/digest/digest.js";
import type { TargetRef } from "../../../src/core/domain/subscription.js";
import {
  type ChatTarget,
  type ChatTargetLimits,
  type PostOptions,
  type PostResult,
  RateLimitedError,
  RejectedError,
  TargetGoneError,
  TransientError,
} from "../../../src/core/ports/chat-target.port.js";
import type { ConversationRefStore } from "../../../src/core/ports/conversation-ref-store.port.js";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { type ServiceUrlPolicy, storedServiceUrlProblem } from "../conversation/service-url.js";
import { toActivity } from "../handlers/to-activity.js";
import { cardBytes, MAX_CARD_BYTES } from "../render/card-types.js";
import { digestCard } from "../render/digest-card.js";
import { TEAMS_PER_CONVERSATION } from "./rate-gate.js";
import { isNetworkError, retryAfterMsOf, statusOf } from "./retry.js";
import type { TeamsSender } from "./teams-sender.js";

/**
 * Teams digests: each part is an Adaptive Card posted as a new message with `continueConversationAsync`, using the
 * reference stored when the app was installed in (or last heard from) the conversation. It transports only: the
 * core's DigestPoster paces by `limits` and retries what this maps to RateLimitedError (429, 412) and
 * TransientError (502, 504, other 5xx, network), as Teams asks
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
export class TeamsChatTarget implements ChatTarget {
  readonly platform = "teams";
  readonly limits: ChatTargetLimits = {
    maxPartSize: MAX_CARD_BYTES,
    perConversation: { count: TEAMS_PER_CONVERSATION[0]!.count, perMs: TEAMS_PER_CONVERSATION[0]!.perMs },
    // "The global limit per app per tenant is 50 requests per second."
    global: { count: 50, perMs: 1_000 },
    concurrency: 4,
    // Retries of 429/412/502/504 are the DigestPoster's, with back-off and jitter; this target posts once per call.
    maxAttempts: 5,
    baseBackoffMs: 1_000,
    maxBackoffMs: 30_000,
  };

  constructor(
    private readonly deps: {
      refs: ConversationRefStore;
      sender: TeamsSender;
      logger: Logger;
      /** Checked on every stored reference read, before anything is sent (see service-url.ts). */
      serviceUrls?: ServiceUrlPolicy | undefined;
    },
  ) {}

  measure(part: DigestPart): number {
    return cardBytes(digestCard(part));
  }

  async post(target: TargetRef, part: DigestPart, options: PostOptions): Promise<PostResult> {
    const stored = await this.deps.refs.get(target.key);
    if (!stored) {
      throw new TargetGoneError(
        `no Teams conversation reference for ${target.key}: the app was never installed there, or was removed`,
      );
    }
    const problem = this.deps.serviceUrls && storedServiceUrlProblem(stored.reference, this.deps.serviceUrls);
    if (problem) {
      this.deps.logger.warn("teams digest not posted: stored reference refused", {
        target: target.key,
        reason: problem,
      });
      throw new RejectedError(`Teams reference of ${target.key} refused: ${problem}`);
    }
    const card = digestCard(part);
    const activity = {
      ...toActivity({ kind: "card", card, summary: card.fallbackText ?? "NATO digest" }),
      // Kept with the message so support can match a post to the ledger (Teams has no idempotent send).
      channelData: { natoBriefKey: options.idempotencyKey },
    };
    try {
      const [messageId = ""] = await this.deps.sender.post(stored.reference as Partial<ConversationReference>, [
        activity,
      ]);
      return { messageId };
    } catch (err) {
      throw await this.mapError(target, err);
    }
  }

  private async mapError(target: TargetRef, err: unknown): Promise<Error> {
    const status = statusOf(err);
    const detail = `Teams post to ${target.key} failed${status ? ` with HTTP ${status}` : ""}: ${String(
      err instanceof Error ? err.message : err,
    ).slice(0, 300)}`;
    this.deps.logger.warn("teams digest post failed", { target: target.key, status });
    if (status === 429 || status === 412) return new RateLimitedError(detail, retryAfterMsOf(err));
    if (status === 403 || status === 404) {
      // The bot was removed or the conversation deleted: the reference is useless from now on.
      await this.deps.refs.remove(target.key).catch((e: unknown) => {
        this.deps.logger.error("teams conversation reference not removed", { target: target.key, error: e });
      });
      return new TargetGoneError(detail);
    }
    if (status === undefined ? isNetworkError(err) : status >= 500 || status === 408) return new TransientError(detail);
    if (status === undefined) return new TransientError(detail);
    return new RejectedError(detail);
  }
}

import pLimit, { type LimitFunction } from "p-limit";
import type { TargetRef } from "../domain/subscription.js";
import {
  type ChatTarget,
  ChatTargetError,
  type PostResult,
  RateLimitedError,
  TransientError,
} from "../ports/chat-target.port.js";
import type { Clock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { DigestPart } from "./digest.js";
import { KeyedPacer, type PaceKey, type Sleep } from "./pacer.js";

export interface DigestPosterDeps {
  clock: Clock;
  sleep: Sleep;
  /** [0, 1): jitter source, injectable for deterministic tests. */
  random?: () => number;
  logger: Logger;
}

/**
 * Sends digest parts to one platform within its limits: sends spaced per conversation and bot-wide (KeyedPacer),
 * at most `concurrency` requests in flight (p-limit), rate limits and transient failures retried with
 * exponential back-off and jitter (Retry-After honoured), target-gone and rejected errors passed straight up.
 */
export class DigestPoster {
  private readonly limit: LimitFunction;
  private readonly pacer: KeyedPacer;
  private readonly random: () => number;

  constructor(
    readonly target: ChatTarget,
    private readonly deps: DigestPosterDeps,
  ) {
    this.limit = pLimit(target.limits.concurrency);
    this.pacer = new KeyedPacer(deps.clock, deps.sleep);
    this.random = deps.random ?? Math.random;
  }

  /** Posts one part, retrying as the platform's limits say; throws a ChatTargetError when it gives up. */
  async post(ref: TargetRef, part: DigestPart, idempotencyKey: string): Promise<PostResult> {
    const { limits } = this.target;
    const keys: PaceKey[] = [{ key: `c:${ref.key}`, rate: limits.perConversation }];
    if (limits.global) keys.push({ key: "global", rate: limits.global });
    for (let attempt = 1; ; attempt++) {
      try {
        // Paced before taking a connection, so a send waiting its turn never idles one of them.
        const booked = await this.pacer.acquire(keys);
        return await this.limit(async () => {
          await this.pacer.admit(keys, booked);
          return this.target.post(ref, part, { idempotencyKey });
        });
      } catch (raw) {
        const err = asChatTargetError(raw);
        if (err.kind === "target-gone" || err.kind === "rejected" || attempt >= limits.maxAttempts) throw err;
        const wait = this.delayFor(err, attempt);
        // Every pending send to this conversation waits too, not just this one.
        if (err instanceof RateLimitedError)
          this.pacer.holdUntil(`c:${ref.key}`, this.deps.clock.now().getTime() + wait);
        this.deps.logger.warn("digest post will be retried", {
          target: ref.key,
          part: part.index,
          attempt,
          kind: err.kind,
          waitMs: Math.round(wait),
          error: err.message,
        });
        await this.deps.sleep(wait);
      }
    }
  }

  /** Retry-After when the platform gave one (plus up to 10 % so retries do not arrive together), else back-off. */
  private delayFor(err: ChatTargetError, attempt: number): number {
    if (err instanceof RateLimitedError && err.retryAfterMs !== undefined) {
      return err.retryAfterMs * (1 + 0.1 * this.random());
    }
    const { baseBackoffMs, maxBackoffMs } = this.target.limits;
    const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));
    return ceiling / 2 + (ceiling / 2) * this.random();
  }
}

/** Anything a target throws that is not one of its typed errors is treated as a network hiccup. */
function asChatTargetError(err: unknown): ChatTargetError {
  if (err instanceof ChatTargetError) return err;
  return new TransientError(err instanceof Error ? err.message : String(err));
}

import { parseTarget, type Subscription, type TargetRef } from "../domain/subscription.js";
import { type ChatTarget, ChatTargetError, TargetGoneError } from "../ports/chat-target.port.js";
import type { Clock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { Delivery, DeliveryLedger, SubscriptionStore } from "../ports/subscription-store.port.js";
import { ClaimKeeper } from "./claim-keeper.js";
import type { Digest } from "./digest.js";
import type { DigestBuilder } from "./digest-builder.js";
import { DigestPoster } from "./digest-poster.js";
import type { Sleep } from "./pacer.js";
import { periodKey } from "./period.js";
import { splitDigest } from "./split-digest.js";

export type DeliveryStatus =
  | "posted"
  | "already-done"
  | "empty"
  | "failed"
  | "target-gone"
  | "busy"
  | "no-target"
  | "disabled";

export interface DeliveryOutcome {
  subscriptionId: string;
  target: string;
  period: string;
  status: DeliveryStatus;
  delayed: boolean;
  partsPosted: number;
  partsTotal: number;
  error?: string | undefined;
}

export interface DigestDeliveryDeps {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  builder: DigestBuilder;
  /** ChatTargets by platform ("slack", "teams", "console"); adapters register theirs at start-up. */
  targets: ReadonlyMap<string, ChatTarget>;
  clock: Clock;
  sleep: Sleep;
  random?: () => number;
  logger: Logger;
  /** Post a short "nothing new" digest instead of nothing. */
  postWhenEmpty: boolean;
  /** How long a claimed row stays ours without progress; renewed before every part. */
  leaseMs?: number;
}

const FIRST_WINDOW_MS = 24 * 3600_000;

/**
 * Delivers one (subscription, period) exactly once as far as the platform allows: the row is claimed, the digest
 * is frozen into parts in the ledger before the first post, each part is marked "posting" before it is sent and
 * "posted" with the platform's message id after; a restart resumes the row from the first part not posted.
 * The one window left is a crash after the platform accepted a part and before "posted" was written: that part is
 * looked up with `ChatTarget.findPosted` (or deduplicated by the idempotency key) where the platform can,
 * and re-posted otherwise (at-least-once for that part only).
 */
export class DigestDelivery {
  private readonly posters = new Map<ChatTarget, DigestPoster>();
  private readonly inFlight = new Set<string>();
  private stopping = false;

  constructor(private readonly deps: DigestDeliveryDeps) {}

  /**
   * The digest the subscription would get now, without posting or recording anything: the same window and rule
   * as `deliver` now. `period` is the one a delivery now would record (DigestScheduler.preview knows it).
   */
  async preview(sub: Subscription, period?: string): Promise<Digest> {
    const now = this.deps.clock.now();
    const since = await this.windowStart(sub, now);
    const label = period ?? periodKey(sub.schedule, sub.timezone, now);
    return this.deps.builder.build(sub, { period: label, scheduledFor: now, since, until: now, delayed: false });
  }

  async deliver(
    sub: Subscription,
    slot: Date,
    options: { delayed?: boolean; period?: string } = {},
  ): Promise<DeliveryOutcome> {
    const { logger } = this.deps;
    const period = options.period ?? periodKey(sub.schedule, sub.timezone, slot);
    const delayed = options.delayed ?? false;
    const outcome = (status: DeliveryStatus, row?: Delivery, error?: string): DeliveryOutcome => ({
      subscriptionId: sub.id,
      target: sub.target,
      period,
      status,
      delayed,
      partsPosted: row?.parts.filter((p) => p.state === "posted").length ?? 0,
      partsTotal: row?.parts.length ?? 0,
      error,
    });
    if (!sub.enabled) return outcome("disabled");
    const ref = parseTarget(sub.target);
    const chat = this.deps.targets.get(ref.platform);
    if (!chat) {
      // No row: when the platform is configured again, the catch-up at start-up still finds this period.
      logger.warn("no chat target for this platform; digest not delivered", { target: sub.target, period });
      return outcome("no-target");
    }
    // One delivery of a row at a time in this process: the ledger's claim is ours already, so it would not stop a
    // second one (a signal's run-now while the schedule or the resume sweep delivers the same row).
    const key = `${sub.id}|${period}`;
    if (this.inFlight.has(key) || this.stopping) return outcome("busy");
    this.inFlight.add(key);
    try {
      return await this.deliverClaimed(sub, slot, period, delayed, ref, chat, outcome);
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async deliverClaimed(
    sub: Subscription,
    slot: Date,
    period: string,
    delayed: boolean,
    ref: TargetRef,
    chat: ChatTarget,
    outcome: (status: DeliveryStatus, row?: Delivery, error?: string) => DeliveryOutcome,
  ): Promise<DeliveryOutcome> {
    const { ledger, logger } = this.deps;
    const opened = await ledger.open({ subscriptionId: sub.id, period, scheduledFor: slot.toISOString(), delayed });
    // "empty" posted nothing, so building it again (with only what arrived since) cannot duplicate anything.
    if (opened.state === "posted") return outcome("already-done", opened);
    if (!(await ledger.claim(sub.id, period, this.leaseMs))) return outcome("busy", opened);
    const keeper = new ClaimKeeper(() => ledger.claim(sub.id, period, this.leaseMs), this.leaseMs, logger, {
      target: sub.target,
      period,
    });
    try {
      // Read again under the claim: another replica may have delivered or frozen the row since it was opened.
      let row = (await ledger.get(sub.id, period)) ?? opened;
      if (row.state === "posted") return outcome("already-done", row);
      // Never frozen (new, empty, or failed while building): build it now. Otherwise resume the frozen parts.
      if (row.state === "pending" || row.state === "empty" || !row.window) {
        const frozen = await this.freeze(sub, row, chat, slot, keeper);
        if ("status" in frozen) return outcome(frozen.status, await ledger.get(sub.id, period));
        row = frozen.row;
      } else {
        await ledger.retry(sub.id, period);
        logger.info("resuming a digest delivery", { target: sub.target, period, state: row.state });
      }
      const poster = this.posterFor(chat);
      for (const { index } of row.parts) {
        // Shutting down: stop between parts and let the claim go, so another replica resumes at once.
        if (this.stopping || keeper.lost || !(await ledger.claim(sub.id, period, this.leaseMs))) {
          return outcome("busy", await ledger.get(sub.id, period));
        }
        // The part's state as stored now, under the claim: a replica that held the row before (its lease lapsed
        // while it was paused, then it went on) may have posted it since this row was read.
        const rec = (await ledger.get(sub.id, period))?.parts.find((p) => p.index === index);
        if (!rec || rec.state === "posted") continue;
        if (rec.state === "posting" && chat.findPosted) {
          const found = await chat.findPosted(ref, rec.idempotencyKey);
          if (found) {
            await ledger.markPartPosted(sub.id, period, rec.index, found.messageId);
            continue;
          }
        }
        await ledger.markPartPosting(sub.id, period, rec.index);
        const result = await poster.post(ref, rec.part, rec.idempotencyKey);
        await ledger.markPartPosted(sub.id, period, rec.index, result.messageId);
      }
      await ledger.finish(sub.id, period, "posted");
      const done = await ledger.get(sub.id, period);
      logger.info("digest delivered", { target: sub.target, period, parts: done?.parts.length, delayed });
      return outcome("posted", done);
    } catch (err) {
      const { status, error } = await this.failed(sub, period, err);
      return outcome(status, await ledger.get(sub.id, period), error);
    } finally {
      keeper.stop();
      await ledger.release(sub.id, period);
    }
  }

  /**
   * Shutdown: no new part starts; resolves once the parts being sent are done and their rows' claims released
   * (another replica resumes them at its next look), or after `timeoutMs`, when the leases will free them.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  /**
   * Builds the digest and stores its parts, unless, while it was being built (briefs are written on the way, which
   * can take long), the claim was lost, or a replica that took the row over froze it: a second freeze would reset
   * parts that replica may have posted, so its parts are resumed instead.
   */
  private async freeze(
    sub: Subscription,
    row: Delivery,
    chat: ChatTarget,
    slot: Date,
    keeper: ClaimKeeper,
  ): Promise<{ row: Delivery } | { status: DeliveryStatus }> {
    const { ledger, builder } = this.deps;
    const since = await this.windowStart(sub, slot);
    const until = new Date(Math.max(slot.getTime(), since.getTime()));
    const digest = await builder.build(sub, {
      period: row.period,
      scheduledFor: slot,
      since,
      until,
      delayed: row.delayed,
    });
    if (keeper.lost || !(await ledger.claim(sub.id, row.period, this.leaseMs))) return { status: "busy" };
    const current = await ledger.get(sub.id, row.period);
    if (current?.state === "posted") return { status: "already-done" };
    if (current?.state === "posting" && current.window) return { row: current };
    const window = digest.window;
    if (digest.items.length === 0 && !this.deps.postWhenEmpty) {
      await ledger.freeze(sub.id, row.period, window, []);
      await ledger.finish(sub.id, row.period, "empty");
      this.deps.logger.info("nothing new; no digest posted", { target: sub.target, period: row.period });
      return { status: "empty" };
    }
    const parts = splitDigest(digest, (p) => chat.measure(p), chat.limits.maxPartSize);
    return { row: await ledger.freeze(sub.id, row.period, window, parts) };
  }

  private async failed(
    sub: Subscription,
    period: string,
    err: unknown,
  ): Promise<{ status: DeliveryStatus; error: string }> {
    const { ledger, logger, subscriptions } = this.deps;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof TargetGoneError) {
      await ledger.finish(sub.id, period, "failed", `target gone: ${message}`);
      await subscriptions.setEnabled(sub.id, false, `target gone: ${message}`);
      logger.warn("digest target is gone; subscription disabled", {
        subscriptionId: sub.id,
        target: sub.target,
        error: message,
      });
      return { status: "target-gone", error: message };
    }
    await ledger.finish(sub.id, period, "failed", message);
    logger.error("digest delivery failed", {
      subscriptionId: sub.id,
      target: sub.target,
      period,
      kind: err instanceof ChatTargetError ? err.kind : "internal",
      error: message,
    });
    return { status: "failed", error: message };
  }

  /** Where the next digest starts: the end of the last one delivered (or being delivered), else 24 h back. */
  private async windowStart(sub: Subscription, until: Date): Promise<Date> {
    const last = await this.deps.ledger.lastWindowEnd(sub.id);
    return last ? new Date(last) : new Date(until.getTime() - FIRST_WINDOW_MS);
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? 120_000;
  }

  private posterFor(chat: ChatTarget): DigestPoster {
    let poster = this.posters.get(chat);
    if (!poster) {
      const { clock, sleep, random, logger } = this.deps;
      poster = new DigestPoster(chat, { clock, sleep, random, logger: logger.child({ platform: chat.platform }) });
      this.posters.set(chat, poster);
    }
    return poster;
  }
}

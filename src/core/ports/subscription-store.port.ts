import type { DigestPart } from "../digest/digest.js";
import type { NewSubscription, Subscription } from "../domain/subscription.js";

/** Durable home of digest subscriptions: at most one per target conversation. */
export interface SubscriptionStore {
  /** Creates the target's subscription, or replaces its settings (keeping its id) and enables it again. */
  upsert(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  get(id: string): Promise<Subscription | undefined>;
  findByTarget(target: string): Promise<Subscription | undefined>;
  list(options?: { enabledOnly?: boolean }): Promise<Subscription[]>;
  setEnabled(id: string, enabled: boolean, reason?: string): Promise<Subscription | undefined>;
  /** Moves the subscription (its id, settings and delivery history) to another target key. */
  retarget(id: string, target: string): Promise<Subscription | undefined>;
  /** Also forgets its delivery history. */
  remove(id: string): Promise<boolean>;
}

/**
 * pending: the period is due, nothing frozen yet · posting: digest frozen into parts, some may be posted ·
 * posted: every part posted · empty: nothing new and nothing to post · failed: gave up (see lastError).
 */
export type DeliveryState = "pending" | "posting" | "posted" | "empty" | "failed";

export interface DeliveryPartRecord {
  index: number;
  idempotencyKey: string;
  part: DigestPart;
  /** posting: sent, or about to be, with the outcome unknown until the platform's message id is recorded. */
  state: "pending" | "posting" | "posted";
  attempts: number;
  messageId?: string | undefined;
  postedAt?: string | undefined;
}

/** One row per (subscription, period). */
export interface Delivery {
  subscriptionId: string;
  period: string;
  state: DeliveryState;
  attempts: number;
  scheduledFor: string;
  delayed: boolean;
  window?: { since: string; until: string } | undefined;
  parts: DeliveryPartRecord[];
  lastError?: string | undefined;
  createdAt: string;
  updatedAt: string;
  doneAt?: string | undefined;
}

export interface OpenDelivery {
  subscriptionId: string;
  period: string;
  scheduledFor: string;
  delayed: boolean;
}

/**
 * The delivery ledger: what was posted where, written before a post counts as done, so a restart resumes a
 * fan-out where it stopped. Rows are claimed with a lease so two processes never deliver the same row at once.
 */
export interface DeliveryLedger {
  /** Creates the row as pending unless it exists; returns the stored row either way. */
  open(input: OpenDelivery): Promise<Delivery>;
  get(subscriptionId: string, period: string): Promise<Delivery | undefined>;
  /** Takes the row for this process until `leaseMs` from now; false while another live process holds it. */
  claim(subscriptionId: string, period: string, leaseMs: number): Promise<boolean>;
  release(subscriptionId: string, period: string): Promise<void>;
  /** Where the next digest starts: the window end of the latest row posted, empty, or being posted. */
  lastWindowEnd(subscriptionId: string): Promise<string | undefined>;
  /** Stores the digest's window and parts (state posting, attempts + 1) before anything is sent. */
  freeze(
    subscriptionId: string,
    period: string,
    window: { since: string; until: string },
    parts: DigestPart[],
  ): Promise<Delivery>;
  /** Counts another attempt of a row that was frozen before (a resume or a retry). */
  retry(subscriptionId: string, period: string): Promise<void>;
  /** Write-ahead: the part is about to be sent. */
  markPartPosting(subscriptionId: string, period: string, index: number): Promise<void>;
  markPartPosted(subscriptionId: string, period: string, index: number, messageId: string): Promise<void>;
  finish(subscriptionId: string, period: string, state: "posted" | "empty" | "failed", error?: string): Promise<void>;
  /** Rows left pending or posting (a crash, a restart), scheduled at or after `since`, oldest first. */
  unfinished(since: string): Promise<Delivery[]>;
  /** Latest rows first. */
  list(options?: { subscriptionId?: string; limit?: number }): Promise<Delivery[]>;
}

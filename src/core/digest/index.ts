import type { BriefService } from "../briefing/brief-service.js";
import type { ChatTarget } from "../ports/chat-target.port.js";
import type { Clock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { Scheduler } from "../ports/scheduler.port.js";
import type { DeliveryLedger, SubscriptionStore } from "../ports/subscription-store.port.js";
import { DigestBuilder } from "./digest-builder.js";
import { DigestDelivery } from "./digest-delivery.js";
import { DigestScheduler } from "./digest-scheduler.js";
import { realSleep, type Sleep } from "./pacer.js";
import { SubscriptionService } from "./subscription-service.js";

export type { Digest, DigestItem, DigestPart } from "./digest.js";
export type { DeliveryOutcome, DeliveryStatus } from "./digest-delivery.js";

export interface DigestsDeps {
  store: ReleaseStore;
  briefs: BriefService;
  subscriptionStore: SubscriptionStore;
  ledger: DeliveryLedger;
  scheduler: Scheduler;
  /** Filled by the platforms at start-up: platform → ChatTarget. */
  targets: ReadonlyMap<string, ChatTarget>;
  clock: Clock;
  sleep?: Sleep;
  random?: () => number;
  logger: Logger;
  defaultTimezone: string;
  postWhenEmpty: boolean;
  catchUpMs: number;
  maxItems?: number;
  leaseMs?: number;
  /** Replicas: how often rows a dead replica left unfinished are looked for and resumed (off when undefined). */
  resumeEveryMs?: number;
}

/** Everything digests need, wired once: subscriptions, builder, delivery and the schedule. */
export interface Digests {
  subscriptions: SubscriptionService;
  builder: DigestBuilder;
  delivery: DigestDelivery;
  schedule: DigestScheduler;
  /** Read-only use outside the core: history for the CLI. */
  ledger: DeliveryLedger;
}

export function createDigests(deps: DigestsDeps): Digests {
  const logger = deps.logger.child({ component: "digest" });
  const builder = new DigestBuilder({
    store: deps.store,
    briefs: deps.briefs,
    clock: deps.clock,
    logger,
    maxItems: deps.maxItems,
  });
  const delivery = new DigestDelivery({
    subscriptions: deps.subscriptionStore,
    ledger: deps.ledger,
    builder,
    targets: deps.targets,
    clock: deps.clock,
    sleep: deps.sleep ?? realSleep,
    random: deps.random,
    logger,
    postWhenEmpty: deps.postWhenEmpty,
    leaseMs: deps.leaseMs,
  });
  const schedule = new DigestScheduler({
    subscriptions: deps.subscriptionStore,
    ledger: deps.ledger,
    delivery,
    scheduler: deps.scheduler,
    clock: deps.clock,
    logger,
    catchUpMs: deps.catchUpMs,
    resumeEveryMs: deps.resumeEveryMs,
    leaseMs: deps.leaseMs,
  });
  const subscriptions = new SubscriptionService({
    store: deps.subscriptionStore,
    scheduler: deps.scheduler,
    defaultTimezone: deps.defaultTimezone,
  });
  subscriptions.onChange(() => schedule.reconcile());
  return { subscriptions, builder, delivery, schedule, ledger: deps.ledger };
}

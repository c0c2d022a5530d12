import pLimit from "p-limit";
import { cronOf, type Subscription } from "../domain/subscription.js";
import type { Clock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { ScheduledJob, Scheduler } from "../ports/scheduler.port.js";
import type { DeliveryLedger, SubscriptionStore } from "../ports/subscription-store.port.js";
import type { Digest } from "./digest.js";
import type { DeliveryOutcome, DigestDelivery } from "./digest-delivery.js";
import { periodKey } from "./period.js";

export interface DigestSchedulerDeps {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  delivery: DigestDelivery;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
  /** Periods missed while the process was down are delivered at start-up if due within this window. */
  catchUpMs: number;
  /** A run this late after its slot is labelled delayed. */
  lateAfterMs?: number;
  /** How often the jobs are re-read from the store, to pick up changes made by another process (the CLI). */
  reconcileCron?: string;
  /** Deliveries under way at once: enough to keep every platform's limiter busy, few enough that digests are
   * built and recorded while earlier ones are being sent rather than all before the first send. */
  deliveriesInFlight?: number;
  /**
   * Replicas: how often unfinished rows are looked for and resumed when their claim lapsed (the replica holding
   * them died mid fan-out). Off when undefined (one process resumes at start-up only).
   */
  resumeEveryMs?: number | undefined;
  /** How far back the resume looks for unfinished rows; default the larger of `catchUpMs` and 6 hours. */
  resumeWindowMs?: number;
  /** The lease the resume claims a lapsed row with (the delivery's own; default 120 s). */
  leaseMs?: number;
}

const RUN_NOW_LOOKBACK_MS = 8 * 24 * 3600_000;

/**
 * One cron job per enabled subscription, in its own timezone; rebuilt when subscriptions change (directly via
 * `reconcile`, and every minute for changes made by another process). At start-up it resumes fan-outs a crash
 * interrupted and catches up on periods missed within the grace window, labelled delayed.
 */
export class DigestScheduler {
  private readonly jobs = new Map<string, { job: ScheduledJob; signature: string }>();
  private reconcileJob: ScheduledJob | undefined;
  private resumeTimer: ReturnType<typeof setInterval> | undefined;
  private resuming: Promise<DeliveryOutcome[]> | undefined;
  private readonly running = new Set<Promise<unknown>>();
  private started = false;
  /** Reconciles run one after another: two interleaved ones would both schedule a new subscription. */
  private reconciling: Promise<void> = Promise.resolve();
  private readonly lane: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(private readonly deps: DigestSchedulerDeps) {
    const limit = pLimit(deps.deliveriesInFlight ?? 64);
    this.lane = (work) => limit(work);
  }

  /** Schedules every enabled subscription, then resumes and catches up; resolves when the catch-up is done. */
  async start(): Promise<DeliveryOutcome[]> {
    this.started = true;
    await this.reconcile();
    this.reconcileJob ??= this.deps.scheduler.schedule(
      "digest:reconcile",
      this.deps.reconcileCron ?? "* * * * *",
      "UTC",
      async () => this.reconcile(),
    );
    const every = this.deps.resumeEveryMs;
    if (every && !this.resumeTimer) {
      this.resumeTimer = setInterval(() => void this.track(this.resumeLapsed()), every);
      this.resumeTimer.unref?.();
    }
    return this.catchUp();
  }

  stop(): void {
    this.started = false;
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    this.reconcileJob?.stop();
    this.reconcileJob = undefined;
    if (this.resumeTimer) clearInterval(this.resumeTimer);
    this.resumeTimer = undefined;
  }

  /** Resolves when every run started by a job has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** After start: makes the jobs match the store: new and changed subscriptions (re)scheduled, removed or disabled ones stopped. */
  reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(
      () => this.reconcileNow(),
      () => this.reconcileNow(),
    );
    return this.reconciling;
  }

  private async reconcileNow(): Promise<void> {
    if (!this.started) return;
    let enabled: Subscription[];
    try {
      enabled = await this.deps.subscriptions.list({ enabledOnly: true });
    } catch (err) {
      // The store is unreachable for now: keep the jobs as they are, the next reconcile tries again.
      this.deps.logger.error("cannot read the subscriptions to schedule", { error: err });
      return;
    }
    if (!this.started) return;
    const wanted = new Map(enabled.map((s) => [s.id, s]));
    for (const [id, entry] of this.jobs) {
      const sub = wanted.get(id);
      if (!sub || signature(sub) !== entry.signature) {
        entry.job.stop();
        this.jobs.delete(id);
      }
    }
    for (const sub of wanted.values()) {
      if (this.jobs.has(sub.id)) continue;
      try {
        const job = this.deps.scheduler.schedule(`digest:${sub.id}`, cronOf(sub.schedule), sub.timezone, (slot) =>
          this.track(this.fire(sub.id, slot)),
        );
        this.jobs.set(sub.id, { job, signature: signature(sub) });
      } catch (err) {
        this.deps.logger.error("cannot schedule a subscription", { subscriptionId: sub.id, error: err });
      }
    }
  }

  /** Resumes rows a crash left unfinished, then delivers each subscription's latest missed period, if any. */
  async catchUp(): Promise<DeliveryOutcome[]> {
    const { ledger, subscriptions, delivery, scheduler, clock, logger } = this.deps;
    const now = clock.now();
    const since = new Date(now.getTime() - this.deps.catchUpMs);
    const work: Promise<DeliveryOutcome>[] = [];
    const resumed = new Set<string>();
    for (const row of await ledger.unfinished(since.toISOString())) {
      const sub = await subscriptions.get(row.subscriptionId);
      if (!sub?.enabled) continue;
      resumed.add(`${row.subscriptionId}|${row.period}`);
      work.push(
        this.lane(() => delivery.deliver(sub, new Date(row.scheduledFor), { period: row.period, delayed: true })),
      );
    }
    for (const sub of await subscriptions.list({ enabledOnly: true })) {
      // A run due before the subscription existed was not missed.
      const from = new Date(Math.max(since.getTime(), Date.parse(sub.createdAt)));
      const last = scheduler.runsBetween(cronOf(sub.schedule), sub.timezone, from, now).at(-1);
      if (!last) continue;
      const period = periodKey(sub.schedule, sub.timezone, last);
      if (resumed.has(`${sub.id}|${period}`) || (await ledger.get(sub.id, period))) continue;
      logger.info("catching up on a missed digest", { subscriptionId: sub.id, period, scheduledFor: last });
      work.push(this.lane(() => delivery.deliver(sub, last, { period, delayed: true })));
    }
    return Promise.all(work);
  }

  /**
   * Resumes every unfinished row no live replica holds (a held row is skipped after one refused claim): what another
   * replica left when it died mid fan-out. Runs on `resumeEveryMs`; a pass still running is shared.
   */
  resumeLapsed(): Promise<DeliveryOutcome[]> {
    this.resuming ??= this.resumeRows().finally(() => {
      this.resuming = undefined;
    });
    return this.resuming;
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? 120_000;
  }

  private async resumeRows(): Promise<DeliveryOutcome[]> {
    const { ledger, subscriptions, delivery, clock, logger } = this.deps;
    const windowMs = this.deps.resumeWindowMs ?? Math.max(this.deps.catchUpMs, 6 * 3600_000);
    const since = new Date(clock.now().getTime() - windowMs).toISOString();
    const work: Promise<DeliveryOutcome>[] = [];
    for (const row of await ledger.unfinished(since)) {
      // One statement per row a live replica is delivering (the claim is refused), however many rows a big
      // fan-out has under way; only a row whose claim lapsed costs a delivery. The delivery claims it again
      // (ours already) and lets it go when done.
      if (!(await ledger.claim(row.subscriptionId, row.period, this.leaseMs))) continue;
      const sub = await subscriptions.get(row.subscriptionId);
      if (!sub?.enabled) {
        await ledger.release(row.subscriptionId, row.period);
        continue;
      }
      work.push(
        this.lane(() =>
          delivery.deliver(sub, new Date(row.scheduledFor), { period: row.period, delayed: row.delayed }),
        ),
      );
    }
    const outcomes = await Promise.all(work);
    const resumed = outcomes.filter((o) => o.status !== "busy" && o.status !== "already-done");
    if (resumed.length) logger.info("resumed digest deliveries left unfinished", { rows: resumed.length });
    return outcomes;
  }

  /**
   * Delivers now the digest of the current period (today's, in each subscription's timezone): run twice, it
   * posts once. `ids` limits it to some subscriptions.
   */
  async runNow(ids?: string[]): Promise<DeliveryOutcome[]> {
    const { subscriptions, delivery, clock } = this.deps;
    const now = clock.now();
    const subs = ids
      ? (await Promise.all(ids.map((id) => subscriptions.get(id)))).filter((s): s is Subscription => !!s)
      : await subscriptions.list();
    return Promise.all(
      subs.map((sub) => this.lane(() => delivery.deliver(sub, now, { period: this.currentPeriod(sub, now) }))),
    );
  }

  /**
   * What `runNow` would deliver to this subscription now, for the same period, posting and recording nothing;
   * `delivered` says whether that period was already delivered (then `runNow` posts nothing).
   */
  async preview(sub: Subscription): Promise<Digest & { delivered: boolean }> {
    const now = this.deps.clock.now();
    const period = this.currentPeriod(sub, now);
    const digest = await this.deps.delivery.preview(sub, period);
    return { ...digest, delivered: (await this.deps.ledger.get(sub.id, period))?.state === "posted" };
  }

  private currentPeriod(sub: Subscription, now: Date): string {
    if (sub.schedule.kind !== "cron") return periodKey(sub.schedule, sub.timezone, now);
    const from = new Date(now.getTime() - RUN_NOW_LOOKBACK_MS);
    const last = this.deps.scheduler.runsBetween(cronOf(sub.schedule), sub.timezone, from, now).at(-1);
    return periodKey(sub.schedule, sub.timezone, last ?? now);
  }

  private async fire(id: string, slot: Date): Promise<void> {
    let sub: Subscription | undefined;
    try {
      sub = await this.deps.subscriptions.get(id);
    } catch (err) {
      this.deps.logger.error("scheduled digest run failed", { subscriptionId: id, slot, error: err });
      return;
    }
    if (!sub?.enabled) return;
    const late = this.deps.clock.now().getTime() - slot.getTime() > (this.deps.lateAfterMs ?? 5 * 60_000);
    try {
      const outcome = await this.lane(() => this.deps.delivery.deliver(sub, slot, { delayed: late }));
      this.deps.logger.debug("scheduled digest run", { ...outcome });
    } catch (err) {
      this.deps.logger.error("scheduled digest run failed", { subscriptionId: id, slot, error: err });
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => {});
    return work;
  }
}

/** What the job depends on; everything else is read from the store when it fires. */
function signature(sub: Subscription): string {
  return `${cronOf(sub.schedule)}|${sub.timezone}`;
}

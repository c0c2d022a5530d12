import {
  cronOf,
  type DigestLanguages,
  parseTarget,
  type Subscription,
  SubscriptionError,
  scheduleFrom,
} from "../domain/subscription.js";
import { ScheduleError, type Scheduler } from "../ports/scheduler.port.js";
import type { SubscriptionStore } from "../ports/subscription-store.port.js";
import { isIanaTimezone } from "./period.js";

export interface SubscribeInput {
  /** "slack:C123", "teams:…", "console:local" */
  target: string;
  /** "daily" (default), "weekdays", or a day of the week for weekly. */
  days?: string | undefined;
  /** "HH:MM", default 08:00. */
  time?: string | undefined;
  /** 5-field cron text instead of days/time. */
  cron?: string | undefined;
  timezone?: string | undefined;
  languages?: DigestLanguages | undefined;
  topics?: string[] | undefined;
  createdBy?: string | undefined;
}

export interface SubscriptionServiceDeps {
  store: SubscriptionStore;
  /** Validates cron text and timezones the way they will run. */
  scheduler: Pick<Scheduler, "validate">;
  /** For subscriptions that name none (DIGEST_TIMEZONE). */
  defaultTimezone: string;
}

/** Creating, changing and removing subscriptions, from chat commands and the CLI alike. */
export class SubscriptionService {
  private readonly listeners: (() => void | Promise<void>)[] = [];

  constructor(private readonly deps: SubscriptionServiceDeps) {}

  /** Called after every change (the digest scheduler re-reads its jobs); a change resolves once they are done. */
  onChange(listener: () => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Creates the target's subscription or replaces its settings; throws SubscriptionError for bad input. */
  async subscribe(input: SubscribeInput): Promise<{ subscription: Subscription; created: boolean }> {
    const target = parseTarget(input.target);
    const schedule = scheduleFrom(input);
    const timezone = input.timezone?.trim() || this.deps.defaultTimezone;
    if (!isIanaTimezone(timezone)) {
      throw new SubscriptionError(
        `"${timezone}" is not an IANA timezone (e.g. Europe/Brussels, America/Montreal, UTC)`,
      );
    }
    try {
      this.deps.scheduler.validate(cronOf(schedule), timezone);
    } catch (err) {
      if (err instanceof ScheduleError) throw new SubscriptionError(err.message);
      throw err;
    }
    const topics = [...new Set((input.topics ?? []).map((t) => t.trim()).filter(Boolean))];
    const result = await this.deps.store.upsert({
      target: target.key,
      schedule,
      timezone,
      languages: input.languages ?? "both",
      topics,
      createdBy: input.createdBy,
    });
    await this.changed();
    return result;
  }

  /** Removes the subscription of a conversation; false when it had none. */
  async unsubscribe(target: string): Promise<boolean> {
    const sub = await this.deps.store.findByTarget(parseTarget(target).key);
    return sub ? this.remove(sub.id) : false;
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.deps.store.remove(id);
    if (removed) await this.changed();
    return removed;
  }

  async setEnabled(id: string, enabled: boolean): Promise<Subscription | undefined> {
    const sub = await this.deps.store.setEnabled(id, enabled, enabled ? undefined : "disabled by an operator");
    if (sub) await this.changed();
    return sub;
  }

  get(id: string): Promise<Subscription | undefined> {
    return this.deps.store.get(id);
  }

  /**
   * Disables every enabled subscription whose target starts with `prefix` (e.g. all channels of a workspace
   * that uninstalled the app), with `reason`; returns them.
   */
  async disableTargets(prefix: string, reason: string): Promise<Subscription[]> {
    const hit = (await this.deps.store.list({ enabledOnly: true })).filter((s) => s.target.startsWith(prefix));
    const done: Subscription[] = [];
    for (const s of hit) {
      const off = await this.deps.store.setEnabled(s.id, false, reason);
      if (off) done.push(off);
    }
    if (done.length) await this.changed();
    return done;
  }

  /** Enables again the subscriptions under `prefix` that `disableTargets` disabled with a reason containing `mark`. */
  async enableTargets(prefix: string, mark: string): Promise<Subscription[]> {
    const hit = (await this.deps.store.list()).filter(
      (s) => !s.enabled && s.target.startsWith(prefix) && s.disabledReason?.includes(mark),
    );
    const done: Subscription[] = [];
    for (const s of hit) {
      const on = await this.deps.store.setEnabled(s.id, true);
      if (on) done.push(on);
    }
    if (done.length) await this.changed();
    return done;
  }

  /**
   * Rewrites target keys (a platform's key format grew): `rename` gives the new key, or undefined to leave one.
   * A subscription whose new key is already taken is disabled instead, naming the one that supersedes it.
   */
  async renameTargets(
    rename: (target: string) => string | undefined,
  ): Promise<{ moved: Subscription[]; superseded: Subscription[] }> {
    const moved: Subscription[] = [];
    const superseded: Subscription[] = [];
    for (const sub of await this.deps.store.list()) {
      const target = rename(sub.target);
      if (!target || target === sub.target) continue;
      const taken = await this.deps.store.findByTarget(target);
      if (taken) {
        const off = await this.deps.store.setEnabled(
          sub.id,
          false,
          `superseded by subscription ${taken.id} (${target})`,
        );
        if (off) superseded.push(off);
      } else {
        const next = await this.deps.store.retarget(sub.id, target);
        if (next) moved.push(next);
      }
    }
    if (moved.length || superseded.length) await this.changed();
    return { moved, superseded };
  }

  findByTarget(target: string): Promise<Subscription | undefined> {
    return this.deps.store.findByTarget(parseTarget(target).key);
  }

  list(): Promise<Subscription[]> {
    return this.deps.store.list();
  }

  private async changed(): Promise<void> {
    for (const l of this.listeners) await l();
  }
}

/**
 * Test doubles for digests: virtual time (a clock and a sleep that never wait), a manual scheduler that fires
 * node-cron's own matches as the virtual clock moves, and a fake chat platform that enforces limits.
 */
import type { DigestPart } from "../../src/core/digest/digest.js";
import type { TargetRef } from "../../src/core/domain/subscription.js";
import {
  type ChatTarget,
  type ChatTargetLimits,
  type PostOptions,
  type PostResult,
  RateLimitedError,
  TargetGoneError,
} from "../../src/core/ports/chat-target.port.js";
import type { Clock } from "../../src/core/ports/clock.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { ScheduledJob, Scheduler } from "../../src/core/ports/scheduler.port.js";
import { NodeCronScheduler } from "../../src/infra/schedule/node-cron-scheduler.js";

/** A clock whose sleeps resolve in time order when `run` drives them: concurrent waits overlap as in real time. */
export class VirtualTime implements Clock {
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  constructor(private t: number) {}

  now(): Date {
    return new Date(this.t);
  }

  set(date: Date | string): void {
    this.t = new Date(date).getTime();
  }

  advance(ms: number): void {
    this.t += ms;
  }

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve }));

  /** Settles `work`, jumping the clock from timer to timer whenever nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    let idle = 0;
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      if (this.timers.length === 0) {
        if (++idle > 1000) throw new Error("virtual time: work is stuck with no timer pending");
        continue;
      }
      idle = 0;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    return work;
  }
}

/** The Scheduler port with node-cron's matching and validation, fired by moving virtual time. */
export class ManualScheduler implements Scheduler {
  private readonly cron = new NodeCronScheduler();
  readonly jobs = new Map<string, { cron: string; timezone: string; run: (slot: Date) => Promise<void> }>();

  constructor(private readonly time: VirtualTime) {}

  validate(cron: string, timezone: string): void {
    this.cron.validate(cron, timezone);
  }

  schedule(name: string, cron: string, timezone: string, run: (slot: Date) => Promise<void>): ScheduledJob {
    this.validate(cron, timezone);
    this.jobs.set(name, { cron, timezone, run });
    return { stop: () => this.jobs.delete(name) };
  }

  runsBetween(cron: string, timezone: string, from: Date, to: Date): Date[] {
    return this.cron.runsBetween(cron, timezone, from, to);
  }

  /** Moves the clock to `until`, running each due job at its slot, in time order. Returns the slots fired. */
  async advanceTo(until: Date | string): Promise<{ name: string; slot: Date }[]> {
    const end = new Date(until);
    const fired: { name: string; slot: Date }[] = [];
    for (;;) {
      const from = this.time.now();
      const due = [...this.jobs]
        .filter(([name]) => name !== "digest:reconcile")
        .flatMap(([name, j]) => this.runsBetween(j.cron, j.timezone, from, end).map((slot) => ({ name, slot })))
        .sort((a, b) => a.slot.getTime() - b.slot.getTime());
      const next = due[0];
      if (!next) break;
      this.time.set(next.slot);
      fired.push(next);
      await this.time.run(this.jobs.get(next.name)!.run(next.slot));
    }
    this.time.set(end);
    return fired;
  }

  close(): void {
    this.cron.close();
  }
}

export interface FakePost {
  target: string;
  key: string;
  part: DigestPart;
  at: number;
}

/** What the fake does with one call: post it, fail it, or never answer (the process "dies" there). */
export type Behaviour = "ok" | "hang-before" | "hang-after-accept" | Error;

/** A chat platform that records posts, enforces a per-conversation limit with 429s, and can be scripted. */
export class FakePlatform implements ChatTarget {
  readonly platform: string;
  readonly posts: FakePost[] = [];
  readonly calls: { target: string; key: string; at: number }[] = [];
  readonly gone = new Set<string>();
  /** 429s the fake had to send because a conversation went over `limits.perConversation`. */
  violations = 0;
  script: (call: number, target: string) => Behaviour = () => "ok";
  findPosted?: (target: TargetRef, key: string) => Promise<PostResult | undefined>;

  constructor(
    private readonly clock: Clock,
    readonly limits: ChatTargetLimits = TEST_LIMITS,
    options: { platform?: string; canFindPosted?: boolean } = {},
  ) {
    this.platform = options.platform ?? "fake";
    if (options.canFindPosted) {
      this.findPosted = async (target, key) => {
        const hit = this.posts.find((p) => p.target === target.key && p.key === key);
        return hit ? { messageId: `m-${hit.key}` } : undefined;
      };
    }
  }

  measure(part: DigestPart): number {
    return 100 + part.items.length * 100;
  }

  async post(target: TargetRef, part: DigestPart, options: PostOptions): Promise<PostResult> {
    const at = this.clock.now().getTime();
    this.calls.push({ target: target.key, key: options.idempotencyKey, at });
    const behaviour = this.script(this.calls.length, target.key);
    if (behaviour === "hang-before") return new Promise(() => {});
    if (behaviour instanceof Error) throw behaviour;
    if (this.gone.has(target.key)) throw new TargetGoneError(`${target.key}: channel_not_found`);
    const { count, perMs } = this.limits.perConversation;
    const recent = this.posts.filter((p) => p.target === target.key && p.at > at - perMs);
    if (recent.length >= count) {
      this.violations++;
      throw rateLimited(recent[0]!.at + perMs - at);
    }
    this.posts.push({ target: target.key, key: options.idempotencyKey, part, at });
    if (behaviour === "hang-after-accept") return new Promise(() => {});
    return { messageId: `m-${options.idempotencyKey}` };
  }

  postsTo(target: string): FakePost[] {
    return this.posts.filter((p) => p.target === target);
  }
}

export const TEST_LIMITS: ChatTargetLimits = {
  maxPartSize: 10_000,
  perConversation: { count: 1, perMs: 1000 },
  concurrency: 4,
  maxAttempts: 4,
  baseBackoffMs: 1000,
  maxBackoffMs: 30_000,
};

export function rateLimited(retryAfterMs?: number): RateLimitedError {
  return new RateLimitedError("429 Too Many Requests", retryAfterMs);
}

/** A logger that keeps its lines, to assert what was logged. */
export function memoryLogger(): Logger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const make = (bound: Record<string, unknown>): Logger => ({
    debug: (msg, fields) => lines.push({ level: "debug", msg, fields: { ...bound, ...fields } }),
    info: (msg, fields) => lines.push({ level: "info", msg, fields: { ...bound, ...fields } }),
    warn: (msg, fields) => lines.push({ level: "warn", msg, fields: { ...bound, ...fields } }),
    error: (msg, fields) => lines.push({ level: "error", msg, fields: { ...bound, ...fields } }),
    child: (fields) => make({ ...bound, ...fields }),
  });
  return Object.assign(make({}), { lines });
}

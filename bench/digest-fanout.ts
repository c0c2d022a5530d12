/**
 * Fan-out of one digest to 1,000 targets through the real pipeline (SQLite ledger, DigestBuilder, DigestPoster
 * with p-limit + KeyedPacer, real time) against a fake platform that enforces its limits with 429 + Retry-After
 * and answers after a simulated network latency. Checks every target got each part exactly once and compares
 * the wall time with the least time the limits allow.
 * Run: npm run bench -- digest-fanout (both scenarios, ~30 s), or npx tsx bench/digest-fanout.ts teams|teams-x5
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BriefService } from "../src/core/briefing/brief-service.js";
import { createDigests } from "../src/core/digest/index.js";
import { intervalOf, realSleep } from "../src/core/digest/pacer.js";
import type { ChatTarget, ChatTargetLimits, Rate } from "../src/core/ports/chat-target.port.js";
import { RateLimitedError } from "../src/core/ports/chat-target.port.js";
import { systemClock } from "../src/core/ports/clock.port.js";
import { silentLogger } from "../src/core/ports/logger.port.js";
import { NodeCronScheduler } from "../src/infra/schedule/node-cron-scheduler.js";
import { openDatabase } from "../src/infra/store/sqlite.js";
import { SqliteDeliveryLedger } from "../src/infra/store/sqlite-delivery-ledger.js";
import { SqliteReleaseStore } from "../src/infra/store/sqlite-release-store.js";
import { SqliteSubscriptionStore } from "../src/infra/store/sqlite-subscription-store.js";
import { CountingEngine } from "../tests/unit/digest-harness.js";

interface Scenario {
  name: string;
  what: string;
  targets: number;
  /** Items per part is 1 (maxPartSize): the digest has this many releases, so this many parts per target. */
  parts: number;
  perConversation: Rate;
  global: Rate;
  latencyMs: number;
  concurrency: number;
}

const SCENARIOS: Scenario[] = [
  {
    name: "teams",
    what: "Teams limits as documented (7 msg/s per conversation, 50 RPS per app per tenant), 1 part per target",
    targets: 1000,
    parts: 1,
    perConversation: { count: 7, perMs: 1000 },
    global: { count: 50, perMs: 1000 },
    latencyMs: 30,
    concurrency: 8,
  },
  {
    name: "teams-x5",
    what: "the same limits 5× faster (35/s per conversation, 250/s overall), a digest split in 2 parts",
    targets: 1000,
    parts: 2,
    perConversation: { count: 35, perMs: 1000 },
    global: { count: 250, perMs: 1000 },
    latencyMs: 30,
    concurrency: 16,
  },
];

/** A platform enforcing sliding-window limits per conversation and overall, as Teams does, with latency. */
class LimitedPlatform implements ChatTarget {
  readonly platform = "bench";
  readonly limits: ChatTargetLimits;
  readonly accepted = new Map<string, string[]>();
  readonly sent: number[] = [];
  private readonly perConversation = new Map<string, number[]>();
  rejected = 0;
  first = 0;
  last = 0;

  constructor(private readonly s: Scenario) {
    this.limits = {
      maxPartSize: 200,
      perConversation: s.perConversation,
      global: s.global,
      concurrency: s.concurrency,
      maxAttempts: 5,
      baseBackoffMs: 100,
      maxBackoffMs: 2000,
    };
  }

  measure(part: { items: unknown[] }): number {
    return 100 + part.items.length * 100;
  }

  async post(target: { key: string }, _part: unknown, options: { idempotencyKey: string }) {
    const now = performance.now();
    const mine = this.perConversation.get(target.key) ?? [];
    const over = (log: number[], rate: Rate) => log.filter((t) => t > now - rate.perMs).length >= rate.count;
    if (over(mine, this.s.perConversation) || over(this.sent, this.s.global)) {
      this.rejected++;
      throw new RateLimitedError("429", 1000);
    }
    mine.push(now);
    this.perConversation.set(target.key, mine);
    this.sent.push(now);
    if (this.sent.length > 4 * this.s.global.count) this.sent.splice(0, this.sent.length - 2 * this.s.global.count);
    this.first ||= now;
    this.last = now;
    await realSleep(this.s.latencyMs);
    const keys = this.accepted.get(target.key) ?? [];
    keys.push(options.idempotencyKey);
    this.accepted.set(target.key, keys);
    return { messageId: options.idempotencyKey };
  }
}

async function run(s: Scenario): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-digest-"));
  const db = openDatabase(path.join(dir, "b.db"));
  const store = new SqliteReleaseStore(db);
  const engine = new CountingEngine();
  const platform = new LimitedPlatform(s);
  const scheduler = new NodeCronScheduler();
  const digests = createDigests({
    store,
    briefs: new BriefService({ store, primary: engine, offline: engine }),
    subscriptionStore: new SqliteSubscriptionStore(db),
    ledger: new SqliteDeliveryLedger(db),
    scheduler,
    targets: new Map([["bench", platform]]),
    clock: systemClock,
    logger: silentLogger,
    defaultTimezone: "Europe/Brussels",
    postWhenEmpty: false,
    catchUpMs: 6 * 3600_000,
  });
  for (let i = 0; i < s.parts; i++) {
    await store.saveRelease({
      contentHash: `bench-${i}`,
      sourceLanguage: "en",
      texts: { en: { lang: "en", title: `Release ${i}`, paragraphs: ["Allies met. They agreed."], official: true } },
    });
  }
  for (let i = 0; i < s.targets; i++) await digests.subscriptions.subscribe({ target: `bench:conv${i}` });

  const t0 = performance.now();
  const outcomes = await digests.schedule.runNow();
  const wall = performance.now() - t0;

  const total = s.targets * s.parts;
  // Least time between the first and the last send the limits allow; then one request's latency.
  const bound = Math.max((total - 1) * intervalOf(s.global), (s.parts - 1) * intervalOf(s.perConversation));
  const sending = platform.last - platform.first;
  const exactlyOnce = [...Array(s.targets).keys()].every((i) => {
    const keys = platform.accepted.get(`bench:conv${i}`) ?? [];
    return keys.length === s.parts && new Set(keys).size === s.parts;
  });
  // The whole run can at best be the sending span plus the last request's round trip.
  const best = bound + s.latencyMs;
  const ok = exactlyOnce && outcomes.every((o) => o.status === "posted") && wall <= best * 1.1;
  console.log(`\n${s.name}: ${s.what}`);
  console.log(`  targets ${s.targets}, parts/target ${s.parts}, messages ${total}, latency ${s.latencyMs} ms`);
  console.log(`  every target served exactly once: ${exactlyOnce}; engine calls: ${engine.calls}`);
  console.log(`  429s from the platform: ${platform.rejected}`);
  console.log(`  limits allow (first→last send): ${(bound / 1000).toFixed(2)} s`);
  console.log(
    `  measured first→last send:       ${(sending / 1000).toFixed(2)} s (${((sending / bound - 1) * 100).toFixed(1)} % over)`,
  );
  console.log(
    `  whole run (build, ledger, send): ${(wall / 1000).toFixed(2)} s (${((wall / best - 1) * 100).toFixed(1)} % over ${(best / 1000).toFixed(2)} s: the span + one round trip)`,
  );
  console.log(`  ${ok ? "OK" : "FAIL"}: every target once, whole run within 10 % of what the limits allow`);
  scheduler.close();
  db.close();
  return ok;
}

const wanted = process.argv.slice(2);
const chosen = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
let allOk = true;
for (const s of chosen) allOk = (await run(s)) && allOk;
process.exit(allOk ? 0 : 1);

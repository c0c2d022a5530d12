/** A digest system over a real SQLite file, virtual time, node-cron matching and fake platforms. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BriefService } from "../../src/core/briefing/brief-service.js";
import { createDigests, type Digests } from "../../src/core/digest/index.js";
import type { Release } from "../../src/core/domain/release.js";
import type { BriefEngine, EngineBrief } from "../../src/core/ports/brief-engine.port.js";
import type { ChatTarget } from "../../src/core/ports/chat-target.port.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteDeliveryLedger } from "../../src/infra/store/sqlite-delivery-ledger.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { SqliteSubscriptionStore } from "../../src/infra/store/sqlite-subscription-store.js";
import { ManualScheduler, memoryLogger, VirtualTime } from "./digest-fakes.js";

/** Engine that writes a brief from the release's first sentences and counts its calls. */
export class CountingEngine implements BriefEngine {
  readonly id = "test";
  readonly promptVersion = "1";
  readonly kind = "offline" as const;
  calls = 0;

  async brief(release: Release): Promise<EngineBrief> {
    this.calls++;
    const src = release.texts[release.sourceLanguage]!;
    const part = { headline: src.title, summary: src.paragraphs.join(" "), keyPoints: ["a", "b", "c"] };
    return {
      parts: { en: part, fr: { ...part, headline: `FR ${src.title}` } },
      provenance: { en: { kind: "source", label: "Source" }, fr: { kind: "machine-offline", label: "MT" } },
      usage: null,
    };
  }
}

export interface Harness {
  file: string;
  time: VirtualTime;
  scheduler: ManualScheduler;
  engine: CountingEngine;
  store: SqliteReleaseStore;
  digests: Digests;
  logger: ReturnType<typeof memoryLogger>;
  addRelease(title: string, body?: string, published?: string): Promise<Release>;
  /** A new "process" over the same SQLite file (new ledger owner, fresh in-memory state). */
  restart(options?: HarnessOptions): Harness;
  close(): void;
}

export interface HarnessOptions {
  start?: string;
  targets?: (time: VirtualTime) => ChatTarget[];
  postWhenEmpty?: boolean;
  catchUpHours?: number;
  file?: string;
  time?: VirtualTime;
}

const BODY =
  "NATO Allies met in Brussels on Thursday to agree on new steps. The Secretary General welcomed the decisions. " +
  "Allies will meet again in the spring to review progress on the plan.";

export function harness(options: HarnessOptions = {}): Harness {
  const file = options.file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "digest-")), "t.db");
  const time = options.time ?? new VirtualTime(Date.parse(options.start ?? "2026-03-27T12:00:00Z"));
  const db = openDatabase(file);
  const now = () => time.now();
  const store = new SqliteReleaseStore(db, now);
  const engine = new CountingEngine();
  const logger = memoryLogger();
  const briefs = new BriefService({ store, primary: engine, offline: engine, clock: time });
  const scheduler = new ManualScheduler(time);
  const targets = new Map((options.targets?.(time) ?? []).map((t) => [t.platform, t]));
  const digests = createDigests({
    store,
    briefs,
    subscriptionStore: new SqliteSubscriptionStore(db, now),
    // Every "process" here shares the test's pid: liveness is left to the lease, as across hosts.
    ledger: new SqliteDeliveryLedger(db, { now, isAlive: () => true }),
    scheduler,
    targets,
    clock: time,
    sleep: time.sleep,
    random: () => 0.5,
    logger,
    defaultTimezone: "Europe/Brussels",
    postWhenEmpty: options.postWhenEmpty ?? false,
    catchUpMs: (options.catchUpHours ?? 6) * 3600_000,
  });
  let n = 0;
  return {
    file,
    time,
    scheduler,
    engine,
    store,
    digests,
    logger,
    async addRelease(title, body = BODY, published) {
      n++;
      return (
        await store.saveRelease({
          contentHash: `hash-${title}-${n}`,
          canonicalUrl: `https://www.nato.int/cps/en/natohq/news_${n}.htm?${encodeURIComponent(title)}`,
          sourceLanguage: "en",
          published: published ?? time.now().toISOString().slice(0, 10),
          texts: {
            en: { lang: "en", title, paragraphs: [body], official: true, url: `https://www.nato.int/n${n}` },
          },
        })
      ).release;
    },
    restart(next = {}) {
      digests.schedule.stop();
      return harness({ ...options, ...next, file, time });
    },
    close() {
      digests.schedule.stop();
      scheduler.close();
      if (db.open) db.close();
    },
  };
}

/**
 * A real process for the kill-and-restart test: the production wiring (SQLite file, ledger, node-cron scheduler,
 * real sleep) delivering to a "platform" that is a journal file, one JSON line per accepted post, 40 ms per post.
 * Like Slack's metadata lookup, the platform can say whether a key was already posted.
 * It runs the compiled build (dist/, from tests/e2e/global-setup.ts) with plain node: four start-ups per test
 * run, each without TypeScript compilation.
 * Usage: node digest-crash-child.mjs DB_FILE JOURNAL_FILE (setup | run)
 */
import fs from "node:fs";
import { BriefService } from "../../dist/src/core/briefing/brief-service.js";
import { createDigests } from "../../dist/src/core/digest/index.js";
import { realSleep } from "../../dist/src/core/digest/pacer.js";
import { systemClock } from "../../dist/src/core/ports/clock.port.js";
import { NodeCronScheduler } from "../../dist/src/infra/schedule/node-cron-scheduler.js";
import { openDatabase } from "../../dist/src/infra/store/sqlite.js";
import { SqliteDeliveryLedger } from "../../dist/src/infra/store/sqlite-delivery-ledger.js";
import { SqliteReleaseStore } from "../../dist/src/infra/store/sqlite-release-store.js";
import { SqliteSubscriptionStore } from "../../dist/src/infra/store/sqlite-subscription-store.js";
import { createLogger } from "../../dist/src/logger.js";

const [dbFile, journal, mode] = process.argv.slice(2);
const db = openDatabase(dbFile);
const store = new SqliteReleaseStore(db);
/** A BriefEngine (src/core/ports/brief-engine.port.ts) that writes a brief from the release's own text. */
const engine = {
  id: "test",
  promptVersion: "1",
  kind: "offline",
  async brief(release) {
    const src = release.texts[release.sourceLanguage];
    const part = { headline: src.title, summary: src.paragraphs.join(" "), keyPoints: ["a", "b", "c"] };
    return {
      parts: { en: part, fr: { ...part, headline: `FR ${src.title}` } },
      provenance: { en: { kind: "source", label: "Source" }, fr: { kind: "machine-offline", label: "MT" } },
      usage: null,
    };
  },
};
const logger = createLogger("warn");
const scheduler = new NodeCronScheduler();

/** A ChatTarget (src/core/ports/chat-target.port.ts) writing to the journal file. */
const platform = {
  platform: "journal",
  limits: {
    maxPartSize: 250,
    perConversation: { count: 1, perMs: 20 },
    concurrency: 2,
    maxAttempts: 3,
    baseBackoffMs: 10,
    maxBackoffMs: 100,
  },
  measure: (part) => 100 + part.items.length * 100,
  async post(target, _part, options) {
    await realSleep(40);
    fs.appendFileSync(journal, `${JSON.stringify({ target: target.key, key: options.idempotencyKey })}\n`);
    return { messageId: options.idempotencyKey };
  },
  async findPosted(_target, key) {
    const lines = fs.existsSync(journal) ? fs.readFileSync(journal, "utf8").split("\n") : [];
    return lines.some((l) => l.includes(`"key":"${key}"`)) ? { messageId: key } : undefined;
  },
};

const digests = createDigests({
  store,
  briefs: new BriefService({ store, primary: engine, offline: engine }),
  subscriptionStore: new SqliteSubscriptionStore(db),
  ledger: new SqliteDeliveryLedger(db),
  scheduler,
  targets: new Map([["journal", platform]]),
  clock: systemClock,
  logger,
  defaultTimezone: "Europe/Brussels",
  postWhenEmpty: false,
  catchUpMs: 6 * 3600_000,
});

if (mode === "setup") {
  for (let i = 0; i < 3; i++) {
    await store.saveRelease({
      contentHash: `crash-${i}`,
      sourceLanguage: "en",
      texts: { en: { lang: "en", title: `Release ${i}`, paragraphs: ["Allies met. They agreed."], official: true } },
    });
  }
  for (let i = 0; i < 20; i++) await digests.subscriptions.subscribe({ target: `journal:room${i}` });
} else {
  const outcomes = await digests.schedule.runNow();
  process.stdout.write(`${JSON.stringify(outcomes.map((o) => o.status))}\n`);
}
scheduler.close();
db.close();

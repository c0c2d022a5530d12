import type Database from "better-sqlite3";
import { openDatabase } from "./sqlite.js";
import { SqliteBriefRejections } from "./sqlite-brief-rejections.js";
import { SqliteConversationRefs } from "./sqlite-conversation-refs.js";
import { SqliteDeliveryLedger } from "./sqlite-delivery-ledger.js";
import { SqliteEventDedupe } from "./sqlite-event-dedupe.js";
import { SqliteFeedbackStore } from "./sqlite-feedback-store.js";
import { SqliteInstallationStore } from "./sqlite-installation-store.js";
import { SqlitePreferenceStore } from "./sqlite-preferences-store.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "./sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "./sqlite-release-store.js";
import { SqliteSourceState } from "./sqlite-source-state.js";
import { SqliteSubscriptionStore } from "./sqlite-subscription-store.js";
import type { OpenStoresOptions, Stores } from "./stores.js";

export interface SqliteStores extends Stores {
  kind: "sqlite";
  db: Database.Database;
}

/** Every store port on one SQLite file (migrated when opened; `options.migrate` is for PostgreSQL only). */
export async function openSqliteStores(file: string, options: Partial<OpenStoresOptions> = {}): Promise<SqliteStores> {
  return sqliteStoresOn(openDatabase(file), options);
}

export function sqliteStoresOn(db: Database.Database, options: Partial<OpenStoresOptions> = {}): SqliteStores {
  const now = options.now ?? (() => new Date());
  const releases = new SqliteReleaseStore(db, now);
  return {
    kind: "sqlite",
    db,
    releases,
    subscriptions: new SqliteSubscriptionStore(db, now),
    ledger: new SqliteDeliveryLedger(db, { now, ...(options.ledgerOwner ? { owner: options.ledgerOwner } : {}) }),
    conversationRefs: new SqliteConversationRefs(db, now),
    preferences: new SqlitePreferenceStore(db, now),
    feedback: new SqliteFeedbackStore(db, now),
    seenEvents: new SqliteEventDedupe(db, now),
    installations: new SqliteInstallationStore(db, now),
    briefRejections: new SqliteBriefRejections(db),
    sourceState: new SqliteSourceState(db, now),
    releaseTranslations: new SqliteReleaseTranslations(db),
    qaSnapshots: new SqliteQaSnapshots(db),
    async health() {
      try {
        db.prepare("SELECT 1").get();
        return { store: "sqlite", reachable: true };
      } catch (err) {
        return { store: "sqlite", reachable: false, error: (err as Error).message };
      }
    },
    close: () => releases.close(),
  };
}

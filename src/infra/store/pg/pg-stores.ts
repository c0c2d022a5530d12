import type { DatabaseConfig } from "../../../config.js";
import type { OpenStoresOptions, Stores } from "../stores.js";
import { PgBriefRejections } from "./pg-brief-rejections.js";
import { PgConversationRefs } from "./pg-conversation-refs.js";
import { describePgError, PgDb } from "./pg-db.js";
import { PgDeliveryLedger } from "./pg-delivery-ledger.js";
import { PgEventDedupe } from "./pg-event-dedupe.js";
import { PgFeedbackStore } from "./pg-feedback-store.js";
import { PgInstallationStore } from "./pg-installation-store.js";
import { migratePg } from "./pg-migrations.js";
import { PgPreferenceStore } from "./pg-preference-store.js";
import { PgQaSnapshots, PgReleaseTranslations } from "./pg-qa-index-store.js";
import { PgReleaseStore } from "./pg-release-store.js";
import { PgSourceState } from "./pg-source-state.js";
import { PgSubscriptionStore } from "./pg-subscription-store.js";

export interface PgStores extends Stores {
  kind: "postgres";
  db: PgDb;
}

/** Every store port on one PostgreSQL pool, migrated first (under a lock: replicas starting together migrate once). */
export async function openPgStores(
  config: Extract<DatabaseConfig, { kind: "postgres" }>,
  options: OpenStoresOptions,
): Promise<PgStores> {
  const db = new PgDb({ url: config.url, schema: config.schema, poolMax: config.poolMax, logger: options.logger });
  try {
    if (options.migrate !== false) {
      const applied = await migratePg(db);
      if (applied.length) options.logger.info("PostgreSQL migrations applied", { versions: applied });
    }
  } catch (err) {
    await db.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL database: ${describePgError(err)}`);
  }
  return pgStoresOn(db, options);
}

export function pgStoresOn(db: PgDb, options: Partial<OpenStoresOptions> = {}): PgStores {
  const now = options.now ?? (() => new Date());
  const ledger = new PgDeliveryLedger(db, { now, ...(options.ledgerOwner ? { owner: options.ledgerOwner } : {}) });
  return {
    kind: "postgres",
    db,
    releases: new PgReleaseStore(db, now),
    subscriptions: new PgSubscriptionStore(db, now),
    ledger,
    conversationRefs: new PgConversationRefs(db, now),
    preferences: new PgPreferenceStore(db, now),
    feedback: new PgFeedbackStore(db, now),
    seenEvents: new PgEventDedupe(db, now),
    installations: new PgInstallationStore(db, now),
    briefRejections: new PgBriefRejections(db),
    sourceState: new PgSourceState(db, now),
    releaseTranslations: new PgReleaseTranslations(db),
    qaSnapshots: new PgQaSnapshots(db),
    async health() {
      try {
        await db.rows("SELECT 1");
        return { store: "postgres", reachable: true };
      } catch (err) {
        return { store: "postgres", reachable: false, error: describePgError(err) };
      }
    },
    async close() {
      // The ledger's presence connection first: the pool ends only once every connection is back.
      await ledger.close();
      await db.end();
    },
  };
}

/**
 * Every store port over one database: the embedded SQLite file (default) or a PostgreSQL server that replicas
 * share. The composition root and the command line open it through `openStores`; the PostgreSQL modules (and
 * `pg`) load only when DATABASE_URL names a PostgreSQL server.
 */
import type { DatabaseConfig } from "../../config.js";
import type { BriefRejectionStore } from "../../core/ports/brief-rejection-store.port.js";
import type { ConversationRefStore } from "../../core/ports/conversation-ref-store.port.js";
import type { EventDedupe } from "../../core/ports/event-dedupe.port.js";
import type { FeedbackStore } from "../../core/ports/feedback-store.port.js";
import type { InstallationRecordStore } from "../../core/ports/installation-store.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import type { PreferenceStore } from "../../core/ports/preference-store.port.js";
import type { QaSnapshotStore, ReleaseTranslationStore } from "../../core/ports/qa-index-store.port.js";
import type { ReleaseStore } from "../../core/ports/release-store.port.js";
import type { SourceStateStore } from "../../core/ports/source-state.port.js";
import type { DeliveryLedger, SubscriptionStore } from "../../core/ports/subscription-store.port.js";

export type StoreKind = "sqlite" | "postgres";

export interface UsageTotal {
  engine: string;
  briefs: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
}

/** The release store plus what `nato-brief stats` reads beside the port. */
export interface ReleaseStoreWithStats extends ReleaseStore {
  usageTotals(): Promise<UsageTotal[]>;
}

export interface StoreHealth {
  store: StoreKind;
  reachable: boolean;
  /** Why not, without connection details. */
  error?: string | undefined;
}

export interface Stores {
  kind: StoreKind;
  releases: ReleaseStoreWithStats;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  conversationRefs: ConversationRefStore;
  preferences: PreferenceStore;
  feedback: FeedbackStore;
  seenEvents: EventDedupe;
  installations: InstallationRecordStore;
  briefRejections: BriefRejectionStore;
  sourceState: SourceStateStore;
  /** Q&A (issue 12): offline translations of releases, and the search index's snapshots with the change counter. */
  releaseTranslations: ReleaseTranslationStore;
  qaSnapshots: QaSnapshotStore;
  /** A cheap round trip to the database, for /healthz. */
  health(): Promise<StoreHealth>;
  /** Closes the database (PostgreSQL: ends the pool, which releases every lock this process held). */
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  logger: Logger;
  /** Run the migrations at open (PostgreSQL; default true). SQLite always migrates its file when opened. */
  migrate?: boolean;
  /** The clock timestamps and leases are taken from (tests). */
  now?: () => Date;
  /** Who holds the delivery ledger's claims (tests); default host/pid/random. */
  ledgerOwner?: string;
}

export async function openStores(config: DatabaseConfig, options: OpenStoresOptions): Promise<Stores> {
  if (config.kind === "postgres") {
    const { openPgStores } = await import("./pg/pg-stores.js");
    return openPgStores(config, options);
  }
  const { openSqliteStores } = await import("./sqlite-stores.js");
  return openSqliteStores(config.path, options);
}

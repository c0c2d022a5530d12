import type { DigestLanguages, Schedule, Subscription } from "../../../core/domain/subscription.js";
import { fromSqlBool, type SqlBool } from "./sql-bool.js";

/** A `subscriptions` row; `enabled` is 0/1 in SQLite, a boolean in PostgreSQL. */
export interface SubscriptionRow {
  id: string;
  target: string;
  schedule: string;
  timezone: string;
  languages: string;
  topics: string;
  enabled: SqlBool;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    target: row.target,
    schedule: JSON.parse(row.schedule) as Schedule,
    timezone: row.timezone,
    languages: row.languages as DigestLanguages,
    topics: JSON.parse(row.topics) as string[],
    enabled: fromSqlBool(row.enabled),
    disabledReason: row.disabled_reason ?? undefined,
    createdBy: row.created_by ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

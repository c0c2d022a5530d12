import type { DigestPart } from "../../../core/digest/digest.js";
import type { Delivery, DeliveryPartRecord, DeliveryState } from "../../../core/ports/subscription-store.port.js";
import { fromSqlBool, type SqlBool } from "./sql-bool.js";

/** A `digest_deliveries` row (less the claim columns); `delayed` is 0/1 in SQLite, a boolean in PostgreSQL. */
export interface DeliveryRow {
  subscription_id: string;
  period: string;
  state: DeliveryState;
  attempts: number;
  scheduled_for: string;
  delayed: SqlBool;
  window_since: string | null;
  window_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

/** A `digest_delivery_parts` row, the same in SQLite and PostgreSQL. */
export interface PartRow {
  subscription_id: string;
  period: string;
  part_index: number;
  idempotency_key: string;
  content: string;
  state: DeliveryPartRecord["state"];
  attempts: number;
  message_id: string | null;
  posted_at: string | null;
}

/** `parts` are this row's parts, in part order. */
export function toDelivery(row: DeliveryRow, parts: PartRow[]): Delivery {
  return {
    subscriptionId: row.subscription_id,
    period: row.period,
    state: row.state,
    attempts: row.attempts,
    scheduledFor: row.scheduled_for,
    delayed: fromSqlBool(row.delayed),
    window: row.window_since && row.window_until ? { since: row.window_since, until: row.window_until } : undefined,
    parts: parts.map(toPartRecord),
    lastError: row.last_error ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at ?? undefined,
  };
}

function toPartRecord(p: PartRow): DeliveryPartRecord {
  return {
    index: p.part_index,
    idempotencyKey: p.idempotency_key,
    part: JSON.parse(p.content) as DigestPart,
    state: p.state,
    attempts: p.attempts,
    messageId: p.message_id ?? undefined,
    postedAt: p.posted_at ?? undefined,
  };
}

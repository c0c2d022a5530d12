import type { NewConversationRef, StoredConversationRef } from "../../../core/ports/conversation-ref-store.port.js";

/** A `conversation_references` row, the same in SQLite and PostgreSQL. */
export interface ConversationRefRow {
  conversation_key: string;
  platform: string;
  team_id: string | null;
  tenant_id: string | null;
  conversation_type: string | null;
  reference: string;
  created_at: string;
  updated_at: string;
}

export function toConversationRef(row: ConversationRefRow): StoredConversationRef {
  return {
    key: row.conversation_key,
    platform: row.platform,
    teamId: row.team_id ?? undefined,
    tenantId: row.tenant_id ?? undefined,
    conversationType: row.conversation_type ?? undefined,
    reference: JSON.parse(row.reference) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The INSERT values of both stores, in column order: conversation_key … reference (the times follow). */
export function conversationRefValues(ref: NewConversationRef): (string | null)[] {
  return [
    ref.key,
    ref.platform,
    ref.teamId ?? null,
    ref.tenantId ?? null,
    ref.conversationType ?? null,
    JSON.stringify(ref.reference),
  ];
}

import type Database from "better-sqlite3";
import type {
  ConversationRefStore,
  NewConversationRef,
  StoredConversationRef,
} from "../../core/ports/conversation-ref-store.port.js";
import { type ConversationRefRow, conversationRefValues, toConversationRef } from "./rows/conversation-ref-rows.js";

/**
 * Conversation references for proactive posts (table `conversation_references`, migration 6); nothing here
 * knows a platform SDK.
 */
export class SqliteConversationRefs implements ConversationRefStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(ref: NewConversationRef): Promise<"created" | "updated"> {
    const at = this.now().toISOString();
    const existed = this.db
      .prepare("SELECT 1 FROM conversation_references WHERE conversation_key = ?")
      .get(ref.key) as unknown;
    this.db
      .prepare(
        `INSERT INTO conversation_references
           (conversation_key, platform, team_id, tenant_id, conversation_type, reference, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_key) DO UPDATE SET
           platform = excluded.platform, team_id = coalesce(excluded.team_id, team_id),
           tenant_id = coalesce(excluded.tenant_id, tenant_id),
           conversation_type = coalesce(excluded.conversation_type, conversation_type),
           reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(...conversationRefValues(ref), at, at);
    return existed ? "updated" : "created";
  }

  async get(key: string): Promise<StoredConversationRef | undefined> {
    const row = this.db.prepare("SELECT * FROM conversation_references WHERE conversation_key = ?").get(key) as
      | ConversationRefRow
      | undefined;
    return row ? toConversationRef(row) : undefined;
  }

  async remove(key: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM conversation_references WHERE conversation_key = ?").run(key).changes > 0;
  }

  async removeTeam(platform: string, teamId: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM conversation_references WHERE platform = ? AND team_id = ?")
      .run(platform, teamId).changes;
  }

  async list(platform?: string): Promise<StoredConversationRef[]> {
    const rows = (
      platform
        ? this.db
            .prepare("SELECT * FROM conversation_references WHERE platform = ? ORDER BY conversation_key")
            .all(platform)
        : this.db.prepare("SELECT * FROM conversation_references ORDER BY conversation_key").all()
    ) as ConversationRefRow[];
    return rows.map(toConversationRef);
  }
}

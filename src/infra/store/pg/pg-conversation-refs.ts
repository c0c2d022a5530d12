import type {
  ConversationRefStore,
  NewConversationRef,
  StoredConversationRef,
} from "../../../core/ports/conversation-ref-store.port.js";
import { type ConversationRefRow, conversationRefValues, toConversationRef } from "../rows/conversation-ref-rows.js";
import type { PgDb } from "./pg-db.js";

/** Conversation references for proactive posts, in PostgreSQL. */
export class PgConversationRefs implements ConversationRefStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(ref: NewConversationRef): Promise<"created" | "updated"> {
    const at = this.now().toISOString();
    const [row] = await this.db.rows<{ inserted: boolean }>(
      `INSERT INTO conversation_references
         (conversation_key, platform, team_id, tenant_id, conversation_type, reference, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (conversation_key) DO UPDATE SET
         platform = excluded.platform, team_id = coalesce(excluded.team_id, conversation_references.team_id),
         tenant_id = coalesce(excluded.tenant_id, conversation_references.tenant_id),
         conversation_type = coalesce(excluded.conversation_type, conversation_references.conversation_type),
         reference = excluded.reference, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS inserted`,
      [...conversationRefValues(ref), at],
    );
    return row?.inserted ? "created" : "updated";
  }

  async get(key: string): Promise<StoredConversationRef | undefined> {
    const [row] = await this.db.rows<ConversationRefRow>(
      "SELECT * FROM conversation_references WHERE conversation_key = $1",
      [key],
    );
    return row ? toConversationRef(row) : undefined;
  }

  async remove(key: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM conversation_references WHERE conversation_key = $1", [key])) > 0;
  }

  removeTeam(platform: string, teamId: string): Promise<number> {
    return this.db.run("DELETE FROM conversation_references WHERE platform = $1 AND team_id = $2", [platform, teamId]);
  }

  async list(platform?: string): Promise<StoredConversationRef[]> {
    const rows = await this.db.rows<ConversationRefRow>(
      "SELECT * FROM conversation_references WHERE ($1::text IS NULL OR platform = $1::text) ORDER BY conversation_key",
      [platform ?? null],
    );
    return rows.map(toConversationRef);
  }
}

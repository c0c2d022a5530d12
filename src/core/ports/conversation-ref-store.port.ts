/**
 * Where the Teams adapter keeps the conversation references it needs for proactive posts (digests): one per
 * conversation the bot was installed in or heard from, removed on uninstall. The reference is the Bot Framework
 * `ConversationReference` as opaque JSON, so the store depends on no SDK. Proactive messaging:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export interface StoredConversationRef {
  /** Platform-qualified conversation key, e.g. "teams:19:abc@thread.tacv2" (the subscription target). */
  key: string;
  platform: string;
  /** The team a channel belongs to, so uninstalling from a team forgets all its channels. */
  teamId?: string | undefined;
  tenantId?: string | undefined;
  /** "personal", "channel", "groupChat". */
  conversationType?: string | undefined;
  reference: unknown;
  createdAt: string;
  updatedAt: string;
}

export type NewConversationRef = Omit<StoredConversationRef, "createdAt" | "updatedAt">;

export interface ConversationRefStore {
  /** Inserts or replaces the reference of `key`; "created" the first time. */
  save(ref: NewConversationRef): Promise<"created" | "updated">;
  get(key: string): Promise<StoredConversationRef | undefined>;
  remove(key: string): Promise<boolean>;
  /** Forgets every conversation of a team (the bot was removed from it); returns how many. */
  removeTeam(platform: string, teamId: string): Promise<number>;
  list(platform?: string): Promise<StoredConversationRef[]>;
}

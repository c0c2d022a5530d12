import type { Turn } from "./qa-types.js";

export interface ConversationMemoryOptions {
  /** Turns kept per conversation: enough for "and in 2023?", not a transcript. */
  maxTurns?: number;
  /** Conversations kept; the least recently active are forgotten first. */
  maxConversations?: number;
  /** A conversation silent this long starts afresh. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The last few turns of each conversation, in memory. Follow-ups need seconds-to-minutes of context, losing it on
 * a restart costs one rephrased question, and keeping people's questions out of the database keeps them out of
 * backups: so no table. Bounded in conversations and turns.
 */
export class ConversationMemory {
  private readonly turns = new Map<string, Turn[]>();
  private readonly maxTurns: number;
  private readonly maxConversations: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({
    maxTurns = 3,
    maxConversations = 1_000,
    ttlMs = 30 * 60_000,
    now = Date.now,
  }: ConversationMemoryOptions = {}) {
    this.maxTurns = maxTurns;
    this.maxConversations = maxConversations;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** Recent turns, oldest first; none when the conversation went quiet for longer than the time-to-live. */
  recent(conversationKey: string): Turn[] {
    const turns = this.turns.get(conversationKey) ?? [];
    const last = turns.at(-1);
    if (last && this.now() - last.at > this.ttlMs) {
      this.turns.delete(conversationKey);
      return [];
    }
    return [...turns];
  }

  remember(conversationKey: string, turn: Turn): void {
    const turns = [...this.recent(conversationKey), turn].slice(-this.maxTurns);
    this.turns.delete(conversationKey);
    this.turns.set(conversationKey, turns);
    while (this.turns.size > this.maxConversations) {
      const oldest = this.turns.keys().next().value;
      if (oldest === undefined) break;
      this.turns.delete(oldest);
    }
  }

  get size(): number {
    return this.turns.size;
  }
}

import type { EventDedupe } from "../../../core/ports/event-dedupe.port.js";
import { SEEN_EVENT_KEEP_MS, SeenEventPruning } from "../rows/seen-events.js";
import type { PgDb } from "./pg-db.js";

/**
 * Seen event ids in PostgreSQL: a Slack retry or a Teams redelivery that lands on another replica is dropped
 * there too. INSERT … ON CONFLICT DO NOTHING is one atomic statement, so of two replicas racing on one id
 * exactly one sees it first. Ids older than a day are pruned as new ones arrive.
 */
export class PgEventDedupe implements EventDedupe {
  private readonly pruning: SeenEventPruning;

  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
    keepMs = SEEN_EVENT_KEEP_MS,
  ) {
    this.pruning = new SeenEventPruning(keepMs);
  }

  async firstSeen(key: string): Promise<boolean> {
    const now = this.now();
    const cutoff = this.pruning.cutoff(now);
    if (cutoff) await this.db.run("DELETE FROM seen_events WHERE seen_at < $1", [cutoff]);
    const inserted = await this.db.run(
      "INSERT INTO seen_events (event_key, seen_at) VALUES ($1, $2) ON CONFLICT (event_key) DO NOTHING",
      [key, now.toISOString()],
    );
    return inserted === 1;
  }
}

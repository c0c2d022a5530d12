import type Database from "better-sqlite3";
import type { EventDedupe } from "../../core/ports/event-dedupe.port.js";
import { SEEN_EVENT_KEEP_MS, SeenEventPruning } from "./rows/seen-events.js";

/**
 * Seen event ids in SQLite (table `seen_events`, migration 5), so a redelivery is dropped even after a restart.
 * Slack stops retrying within minutes; ids older than a day are pruned as new ones arrive.
 */
export class SqliteEventDedupe implements EventDedupe {
  private readonly pruning: SeenEventPruning;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
    keepMs = SEEN_EVENT_KEEP_MS,
  ) {
    this.pruning = new SeenEventPruning(keepMs);
  }

  async firstSeen(key: string): Promise<boolean> {
    const now = this.now();
    const cutoff = this.pruning.cutoff(now);
    if (cutoff) this.db.prepare("DELETE FROM seen_events WHERE seen_at < ?").run(cutoff);
    // One statement: two deliveries racing each other cannot both be "first".
    const { changes } = this.db
      .prepare("INSERT INTO seen_events (event_key, seen_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING")
      .run(key, now.toISOString());
    return changes === 1;
  }
}

import type Database from "better-sqlite3";
import type { EventDedupe } from "../../core/ports/event-dedupe.port.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seen event ids in SQLite (table `seen_events`, migration 5), so a redelivery is dropped even after a restart.
 * Slack stops retrying within minutes; ids older than a day are pruned as new ones arrive.
 */
export class SqliteEventDedupe implements EventDedupe {
  private lastPrune = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
    private readonly keepMs = DAY_MS,
  ) {}

  async firstSeen(key: string): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.lastPrune > this.keepMs / 24) {
      this.lastPrune = now.getTime();
      this.db
        .prepare("DELETE FROM seen_events WHERE seen_at < ?")
        .run(new Date(now.getTime() - this.keepMs).toISOString());
    }
    // One statement: two deliveries racing each other cannot both be "first".
    const { changes } = this.db
      .prepare("INSERT INTO seen_events (event_key, seen_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING")
      .run(key, now.toISOString());
    return changes === 1;
  }
}

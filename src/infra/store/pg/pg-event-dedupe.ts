import type { EventDedupe } from "../../../core/ports/event-dedupe.port.js";
import type { PgDb } from "./pg-db.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seen event ids in PostgreSQL: a Slack retry or a Teams redelivery that lands on another replica is dropped
 * there too. INSERT … ON CONFLICT DO NOTHING is one atomic statement, so of two replicas racing on one id
 * exactly one sees it first. Ids older than a day are pruned as new ones arrive.
 */
export class PgEventDedupe implements EventDedupe {
  private lastPrune = 0;

  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
    private readonly keepMs = DAY_MS,
  ) {}

  async firstSeen(key: string): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.lastPrune > this.keepMs / 24) {
      this.lastPrune = now.getTime();
      await this.db.run("DELETE FROM seen_events WHERE seen_at < $1", [
        new Date(now.getTime() - this.keepMs).toISOString(),
      ]);
    }
    const inserted = await this.db.run(
      "INSERT INTO seen_events (event_key, seen_at) VALUES ($1, $2) ON CONFLICT (event_key) DO NOTHING",
      [key, now.toISOString()],
    );
    return inserted === 1;
  }
}

import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { NewSubscription, Subscription } from "../../core/domain/subscription.js";
import type { SubscriptionStore } from "../../core/ports/subscription-store.port.js";
import { type SubscriptionRow, toSubscription } from "./rows/subscription-rows.js";
import { writeTransaction } from "./write-transaction.js";

/** Subscriptions in SQLite (migration 4): one row per target conversation. */
export class SqliteSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upsert(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }> {
    return writeTransaction(this.db, () => {
      const existing = this.one("target", input.target);
      const now = this.now().toISOString();
      const values = [
        JSON.stringify(input.schedule),
        input.timezone,
        input.languages,
        JSON.stringify(input.topics),
        input.createdBy ?? null,
      ];
      if (existing) {
        this.db
          .prepare(
            `UPDATE subscriptions SET schedule = ?, timezone = ?, languages = ?, topics = ?,
             created_by = COALESCE(?, created_by), enabled = 1, disabled_reason = NULL, updated_at = ? WHERE id = ?`,
          )
          .run(...values, now, existing.id);
        return { subscription: this.one("id", existing.id)!, created: false };
      }
      const id = randomBytes(4).toString("hex");
      this.db
        .prepare(
          `INSERT INTO subscriptions (id, target, schedule, timezone, languages, topics, created_by, enabled, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(id, input.target, ...values, now, now);
      return { subscription: this.one("id", id)!, created: true };
    });
  }

  async get(id: string): Promise<Subscription | undefined> {
    return this.one("id", id);
  }

  async findByTarget(target: string): Promise<Subscription | undefined> {
    return this.one("target", target);
  }

  async list(options: { enabledOnly?: boolean } = {}): Promise<Subscription[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM subscriptions ${options.enabledOnly ? "WHERE enabled = 1" : ""} ORDER BY created_at, rowid`,
      )
      .all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async setEnabled(id: string, enabled: boolean, reason?: string): Promise<Subscription | undefined> {
    this.db
      .prepare("UPDATE subscriptions SET enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ?")
      .run(enabled ? 1 : 0, enabled ? null : (reason ?? null), this.now().toISOString(), id);
    return this.get(id);
  }

  async retarget(id: string, target: string): Promise<Subscription | undefined> {
    this.db
      .prepare("UPDATE subscriptions SET target = ?, updated_at = ? WHERE id = ?")
      .run(target, this.now().toISOString(), id);
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM subscriptions WHERE id = ?").run(id).changes > 0;
  }

  /** Synchronous, so a write transaction can read with it. */
  private one(column: "id" | "target", value: string): Subscription | undefined {
    const row = this.db.prepare(`SELECT * FROM subscriptions WHERE ${column} = ?`).get(value) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : undefined;
  }
}

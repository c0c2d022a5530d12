import { randomBytes } from "node:crypto";
import type { NewSubscription, Subscription } from "../../../core/domain/subscription.js";
import type { SubscriptionStore } from "../../../core/ports/subscription-store.port.js";
import { type SubscriptionRow, toSubscription } from "../rows/subscription-rows.js";
import type { PgDb } from "./pg-db.js";

const COLUMNS =
  "id, target, schedule, timezone, languages, topics, enabled, disabled_reason, created_by, created_at, updated_at";

/** Subscriptions in PostgreSQL: one row per target, an upsert in one statement (replicas may race on it). */
export class PgSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upsert(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }> {
    const now = this.now().toISOString();
    const [row] = await this.db.rows<SubscriptionRow & { inserted: boolean }>(
      `INSERT INTO subscriptions (id, target, schedule, timezone, languages, topics, created_by, enabled, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $8)
       ON CONFLICT (target) DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
         languages = excluded.languages, topics = excluded.topics,
         created_by = COALESCE(excluded.created_by, subscriptions.created_by), enabled = TRUE, disabled_reason = NULL,
         updated_at = excluded.updated_at
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      [
        randomBytes(4).toString("hex"),
        input.target,
        JSON.stringify(input.schedule),
        input.timezone,
        input.languages,
        JSON.stringify(input.topics),
        input.createdBy ?? null,
        now,
      ],
    );
    return { subscription: toSubscription(row!), created: row!.inserted };
  }

  async get(id: string): Promise<Subscription | undefined> {
    const [row] = await this.db.rows<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
    return row ? toSubscription(row) : undefined;
  }

  async findByTarget(target: string): Promise<Subscription | undefined> {
    const [row] = await this.db.rows<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE target = $1`, [
      target,
    ]);
    return row ? toSubscription(row) : undefined;
  }

  async list(options: { enabledOnly?: boolean } = {}): Promise<Subscription[]> {
    const rows = await this.db.rows<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM subscriptions ${options.enabledOnly ? "WHERE enabled" : ""} ORDER BY created_at, seq`,
    );
    return rows.map(toSubscription);
  }

  async setEnabled(id: string, enabled: boolean, reason?: string): Promise<Subscription | undefined> {
    const [row] = await this.db.rows<SubscriptionRow>(
      `UPDATE subscriptions SET enabled = $1, disabled_reason = $2, updated_at = $3 WHERE id = $4 RETURNING ${COLUMNS}`,
      [enabled, enabled ? null : (reason ?? null), this.now().toISOString(), id],
    );
    return row ? toSubscription(row) : undefined;
  }

  async retarget(id: string, target: string): Promise<Subscription | undefined> {
    const [row] = await this.db.rows<SubscriptionRow>(
      `UPDATE subscriptions SET target = $1, updated_at = $2 WHERE id = $3 RETURNING ${COLUMNS}`,
      [target, this.now().toISOString(), id],
    );
    return row ? toSubscription(row) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM subscriptions WHERE id = $1", [id])) > 0;
  }
}

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import type Database from "better-sqlite3";
import { type DigestPart, idempotencyKey } from "../../core/digest/digest.js";
import type { Delivery, DeliveryLedger, OpenDelivery } from "../../core/ports/subscription-store.port.js";
import { type DeliveryRow, type PartRow, toDelivery } from "./rows/delivery-rows.js";
import { writeTransaction } from "./write-transaction.js";

export interface LedgerOptions {
  now?: () => Date;
  /** Who holds claims made through this ledger; default host/pid/random, unique per process. */
  owner?: string;
  /** Whether the owner of a claim still runs; default: same host and its pid answers signal 0. */
  isAlive?: (owner: string) => boolean;
}

/** The delivery ledger in SQLite (migration 4). Every change is one statement or one transaction. */
export class SqliteDeliveryLedger implements DeliveryLedger {
  readonly owner: string;
  private readonly now: () => Date;
  private readonly isAlive: (owner: string) => boolean;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    options: LedgerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.owner = options.owner ?? `${os.hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;
    this.isAlive = options.isAlive ?? processAlive;
  }

  async open(input: OpenDelivery): Promise<Delivery> {
    const now = this.stamp();
    this.sql(
      `INSERT INTO digest_deliveries (subscription_id, period, state, scheduled_for, delayed, created_at, updated_at)
         VALUES (?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (subscription_id, period) DO NOTHING`,
    ).run(input.subscriptionId, input.period, input.scheduledFor, input.delayed ? 1 : 0, now, now);
    return this.row(input.subscriptionId, input.period)!;
  }

  async get(subscriptionId: string, period: string): Promise<Delivery | undefined> {
    return this.row(subscriptionId, period);
  }

  /** Synchronous, so a write transaction can read with it. */
  private row(subscriptionId: string, period: string): Delivery | undefined {
    const row = this.sql("SELECT * FROM digest_deliveries WHERE subscription_id = ? AND period = ?").get(
      subscriptionId,
      period,
    ) as DeliveryRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  async claim(subscriptionId: string, period: string, leaseMs: number): Promise<boolean> {
    return writeTransaction(this.db, () => {
      const row = this.sql(
        "SELECT owner, lease_until FROM digest_deliveries WHERE subscription_id = ? AND period = ?",
      ).get(subscriptionId, period) as { owner: string | null; lease_until: string | null } | undefined;
      if (!row) return false;
      const now = this.now();
      const free =
        !row.owner ||
        row.owner === this.owner ||
        !row.lease_until ||
        Date.parse(row.lease_until) <= now.getTime() ||
        !this.isAlive(row.owner);
      if (!free) return false;
      this.sql("UPDATE digest_deliveries SET owner = ?, lease_until = ? WHERE subscription_id = ? AND period = ?").run(
        this.owner,
        new Date(now.getTime() + leaseMs).toISOString(),
        subscriptionId,
        period,
      );
      return true;
    });
  }

  async release(subscriptionId: string, period: string): Promise<void> {
    this.sql(
      "UPDATE digest_deliveries SET owner = NULL, lease_until = NULL WHERE subscription_id = ? AND period = ? AND owner = ?",
    ).run(subscriptionId, period, this.owner);
  }

  async lastWindowEnd(subscriptionId: string): Promise<string | undefined> {
    const row = this.sql(
      `SELECT max(window_until) AS until FROM digest_deliveries
         WHERE subscription_id = ? AND state IN ('posted','empty','posting') AND window_until IS NOT NULL`,
    ).get(subscriptionId) as { until: string | null };
    return row.until ?? undefined;
  }

  async freeze(
    subscriptionId: string,
    period: string,
    window: { since: string; until: string },
    parts: DigestPart[],
  ): Promise<Delivery> {
    writeTransaction(this.db, () => {
      const now = this.stamp();
      this.db
        .prepare(
          `UPDATE digest_deliveries SET state = 'posting', attempts = attempts + 1, window_since = ?, window_until = ?,
           updated_at = ? WHERE subscription_id = ? AND period = ?`,
        )
        .run(window.since, window.until, now, subscriptionId, period);
      this.sql("DELETE FROM digest_delivery_parts WHERE subscription_id = ? AND period = ?").run(
        subscriptionId,
        period,
      );
      const insert = this.sql(
        `INSERT INTO digest_delivery_parts (subscription_id, period, part_index, idempotency_key, content, state)
         VALUES (?, ?, ?, ?, ?, 'pending')`,
      );
      for (const part of parts) {
        insert.run(
          subscriptionId,
          period,
          part.index,
          idempotencyKey(subscriptionId, period, part.index),
          JSON.stringify(part),
        );
      }
    });
    return this.row(subscriptionId, period)!;
  }

  async retry(subscriptionId: string, period: string): Promise<void> {
    this.sql(
      `UPDATE digest_deliveries SET state = 'posting', attempts = attempts + 1, last_error = NULL, updated_at = ?
         WHERE subscription_id = ? AND period = ?`,
    ).run(this.stamp(), subscriptionId, period);
  }

  async markPartPosting(subscriptionId: string, period: string, index: number): Promise<void> {
    this.sql(
      `UPDATE digest_delivery_parts SET state = 'posting', attempts = attempts + 1
         WHERE subscription_id = ? AND period = ? AND part_index = ?`,
    ).run(subscriptionId, period, index);
  }

  async markPartPosted(subscriptionId: string, period: string, index: number, messageId: string): Promise<void> {
    this.sql(
      `UPDATE digest_delivery_parts SET state = 'posted', message_id = ?, posted_at = ?
         WHERE subscription_id = ? AND period = ? AND part_index = ?`,
    ).run(messageId, this.stamp(), subscriptionId, period, index);
  }

  async finish(
    subscriptionId: string,
    period: string,
    state: "posted" | "empty" | "failed",
    error?: string,
  ): Promise<void> {
    const now = this.stamp();
    this.sql(
      `UPDATE digest_deliveries SET state = ?, last_error = ?, updated_at = ?, done_at = ?
         WHERE subscription_id = ? AND period = ?`,
    ).run(state, error ?? null, now, state === "failed" ? null : now, subscriptionId, period);
  }

  async unfinished(since: string): Promise<Delivery[]> {
    const rows = this.sql(
      `SELECT * FROM digest_deliveries WHERE state IN ('pending','posting') AND scheduled_for >= ?
         ORDER BY scheduled_for, subscription_id`,
    ).all(since) as DeliveryRow[];
    return rows.map((r) => this.hydrate(r));
  }

  async list(options: { subscriptionId?: string; limit?: number } = {}): Promise<Delivery[]> {
    const rows = this.sql(
      `SELECT * FROM digest_deliveries WHERE (? IS NULL OR subscription_id = ?)
         ORDER BY scheduled_for DESC, subscription_id LIMIT ?`,
    ).all(options.subscriptionId ?? null, options.subscriptionId ?? null, options.limit ?? 50) as DeliveryRow[];
    return rows.map((r) => this.hydrate(r));
  }

  /** Prepared once: a fan-out runs these statements thousands of times. */
  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private hydrate(row: DeliveryRow): Delivery {
    const parts = this.sql(
      "SELECT * FROM digest_delivery_parts WHERE subscription_id = ? AND period = ? ORDER BY part_index",
    ).all(row.subscription_id, row.period) as PartRow[];
    return toDelivery(row, parts);
  }
}

/** A claim's owner runs still if it is another host's (unknowable: the lease decides) or a live local process. */
function processAlive(owner: string): boolean {
  const [host, pid] = owner.split("/");
  if (host !== os.hostname()) return true;
  try {
    process.kill(Number(pid), 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process nobody reaped yet still answers signal 0; Linux shows it as a zombie ("Z").
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

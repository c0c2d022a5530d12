import { randomBytes } from "node:crypto";
import os from "node:os";
import { type DigestPart, idempotencyKey } from "../../../core/digest/digest.js";
import type { Delivery, DeliveryLedger, OpenDelivery } from "../../../core/ports/subscription-store.port.js";
import { type DeliveryRow, type PartRow, toDelivery } from "../rows/delivery-rows.js";
import type { PgDb, Queryable } from "./pg-db.js";

/** The connection holding this owner's presence lock. */
interface Presence {
  end(): void;
}

export interface PgLedgerOptions {
  now?: () => Date;
  /** Who holds claims made through this ledger; default host/pid/random, unique per process and host. */
  owner?: string;
}

/** Namespace of the presence locks (session advisory locks keyed by owner): "nb" in ASCII, then anything. */
const PRESENCE_LOCKS = 1851870062;

/**
 * The delivery ledger in PostgreSQL. A claim is a lease: one conditional UPDATE takes a row that is free, ours,
 * whose lease ran out, or whose owner is gone, and the row lock of that UPDATE makes two replicas' claims of one
 * row serialise, so exactly one of them gets it. The holder renews the lease before every part.
 * "Gone" is the cross-host form of SQLite's pid check: while a ledger claims it holds a session advisory lock on
 * its owner key (its presence) on a connection of its own; the server frees it when that process dies, so a
 * claim may take the rows of an owner whose presence lock it can take. A live replica stalled past its lease
 * keeps its rows; a SIGKILLed one's are free at once.
 */
export class PgDeliveryLedger implements DeliveryLedger {
  readonly owner: string;
  private readonly now: () => Date;
  private present: Promise<Presence> | undefined;
  private closed = false;

  constructor(
    private readonly db: PgDb,
    options: PgLedgerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.owner = options.owner ?? `${os.hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;
  }

  async open(input: OpenDelivery): Promise<Delivery> {
    const now = this.stamp();
    await this.db.run(
      `INSERT INTO digest_deliveries (subscription_id, period, state, scheduled_for, delayed, created_at, updated_at)
       VALUES ($1, $2, 'pending', $3, $4, $5, $5) ON CONFLICT (subscription_id, period) DO NOTHING`,
      [input.subscriptionId, input.period, input.scheduledFor, input.delayed, now],
    );
    return (await this.get(input.subscriptionId, input.period))!;
  }

  async get(subscriptionId: string, period: string): Promise<Delivery | undefined> {
    const rows = await this.db.rows<DeliveryRow>(
      "SELECT * FROM digest_deliveries WHERE subscription_id = $1 AND period = $2",
      [subscriptionId, period],
    );
    return (await this.hydrate(this.db, rows))[0];
  }

  async claim(subscriptionId: string, period: string, leaseMs: number): Promise<boolean> {
    // Closed (shutting down): nothing more is claimed, and a delivery under way stops as "busy", left to resume.
    if (this.closed) return false;
    await this.presence();
    const now = this.now();
    // The owner's presence lock taken for the statement only (xact): free means its process is gone.
    const changed = await this.db.run(
      `UPDATE digest_deliveries SET owner = $1, lease_until = $2
       WHERE subscription_id = $3 AND period = $4
         AND (owner IS NULL OR owner = $1 OR lease_until IS NULL OR lease_until <= $5
              OR pg_try_advisory_xact_lock($6, hashtext(owner)))`,
      [
        this.owner,
        new Date(now.getTime() + leaseMs).toISOString(),
        subscriptionId,
        period,
        now.toISOString(),
        PRESENCE_LOCKS,
      ],
    );
    return changed === 1;
  }

  /** Gives up the presence lock (its connection goes back closed); the stores' close calls it before the pool ends. */
  async close(): Promise<void> {
    this.closed = true;
    const present = this.present;
    this.present = undefined;
    (await present?.catch(() => undefined))?.end();
  }

  /** The session lock that says this owner is alive: taken once, and again after its connection was lost. */
  private presence(): Promise<Presence> {
    if (!this.present) {
      const forget = () => {
        if (this.present === taken) this.present = undefined;
      };
      const taken: Promise<Presence> = this.takePresence(forget);
      this.present = taken;
      taken.catch(forget);
    }
    return this.present;
  }

  private async takePresence(onLost: () => void): Promise<Presence> {
    const client = await this.db.connect();
    let ended = false;
    // Destroyed, not returned to the pool: closing the connection is what frees the lock on the server.
    const end = () => {
      if (ended) return;
      ended = true;
      client.release(true);
    };
    client.on("error", () => {
      // The next claim takes the lock again on a new connection; until then others may take our rows.
      onLost();
      end();
    });
    try {
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [PRESENCE_LOCKS, this.owner]);
      return { end };
    } catch (err) {
      end();
      throw err;
    }
  }

  async release(subscriptionId: string, period: string): Promise<void> {
    await this.db.run(
      `UPDATE digest_deliveries SET owner = NULL, lease_until = NULL
       WHERE subscription_id = $1 AND period = $2 AND owner = $3`,
      [subscriptionId, period, this.owner],
    );
  }

  async lastWindowEnd(subscriptionId: string): Promise<string | undefined> {
    const [row] = await this.db.rows<{ until: string | null }>(
      `SELECT max(window_until) AS until FROM digest_deliveries
       WHERE subscription_id = $1 AND state IN ('posted','empty','posting') AND window_until IS NOT NULL`,
      [subscriptionId],
    );
    return row?.until ?? undefined;
  }

  async freeze(
    subscriptionId: string,
    period: string,
    window: { since: string; until: string },
    parts: DigestPart[],
  ): Promise<Delivery> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `UPDATE digest_deliveries SET state = 'posting', attempts = attempts + 1, window_since = $1, window_until = $2,
           updated_at = $3 WHERE subscription_id = $4 AND period = $5`,
        [window.since, window.until, this.stamp(), subscriptionId, period],
      );
      await tx.run("DELETE FROM digest_delivery_parts WHERE subscription_id = $1 AND period = $2", [
        subscriptionId,
        period,
      ]);
      if (parts.length === 0) return;
      await tx.run(
        `INSERT INTO digest_delivery_parts (subscription_id, period, part_index, idempotency_key, content, state)
         SELECT $1, $2, p.i, p.k, p.c, 'pending' FROM unnest($3::int[], $4::text[], $5::text[]) AS p(i, k, c)`,
        [
          subscriptionId,
          period,
          parts.map((p) => p.index),
          parts.map((p) => idempotencyKey(subscriptionId, period, p.index)),
          parts.map((p) => JSON.stringify(p)),
        ],
      );
    });
    return (await this.get(subscriptionId, period))!;
  }

  async retry(subscriptionId: string, period: string): Promise<void> {
    await this.db.run(
      `UPDATE digest_deliveries SET state = 'posting', attempts = attempts + 1, last_error = NULL, updated_at = $1
       WHERE subscription_id = $2 AND period = $3`,
      [this.stamp(), subscriptionId, period],
    );
  }

  async markPartPosting(subscriptionId: string, period: string, index: number): Promise<void> {
    await this.db.run(
      `UPDATE digest_delivery_parts SET state = 'posting', attempts = attempts + 1
       WHERE subscription_id = $1 AND period = $2 AND part_index = $3`,
      [subscriptionId, period, index],
    );
  }

  async markPartPosted(subscriptionId: string, period: string, index: number, messageId: string): Promise<void> {
    await this.db.run(
      `UPDATE digest_delivery_parts SET state = 'posted', message_id = $1, posted_at = $2
       WHERE subscription_id = $3 AND period = $4 AND part_index = $5`,
      [messageId, this.stamp(), subscriptionId, period, index],
    );
  }

  async finish(subscriptionId: string, period: string, state: "posted" | "empty" | "failed", error?: string) {
    const now = this.stamp();
    await this.db.run(
      `UPDATE digest_deliveries SET state = $1, last_error = $2, updated_at = $3, done_at = $4
       WHERE subscription_id = $5 AND period = $6`,
      [state, error ?? null, now, state === "failed" ? null : now, subscriptionId, period],
    );
  }

  async unfinished(since: string): Promise<Delivery[]> {
    const rows = await this.db.rows<DeliveryRow>(
      `SELECT * FROM digest_deliveries WHERE state IN ('pending','posting') AND scheduled_for >= $1
       ORDER BY scheduled_for, subscription_id`,
      [since],
    );
    return this.hydrate(this.db, rows);
  }

  async list(options: { subscriptionId?: string; limit?: number } = {}): Promise<Delivery[]> {
    const rows = await this.db.rows<DeliveryRow>(
      `SELECT * FROM digest_deliveries WHERE ($1::text IS NULL OR subscription_id = $1::text)
       ORDER BY scheduled_for DESC, subscription_id LIMIT $2`,
      [options.subscriptionId ?? null, options.limit ?? 50],
    );
    return this.hydrate(this.db, rows);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Parts of all rows in one query. */
  private async hydrate(q: Queryable, rows: DeliveryRow[]): Promise<Delivery[]> {
    if (rows.length === 0) return [];
    const parts = await q.rows<PartRow>(
      `SELECT p.* FROM digest_delivery_parts p
       JOIN unnest($1::text[], $2::text[]) AS k(s, p) ON p.subscription_id = k.s AND p.period = k.p
       ORDER BY p.part_index`,
      [rows.map((r) => r.subscription_id), rows.map((r) => r.period)],
    );
    const byRow = new Map<string, PartRow[]>();
    for (const p of parts) {
      const key = `${p.subscription_id}\u0000${p.period}`;
      byRow.set(key, [...(byRow.get(key) ?? []), p]);
    }
    return rows.map((row) => toDelivery(row, byRow.get(`${row.subscription_id}\u0000${row.period}`) ?? []));
  }
}

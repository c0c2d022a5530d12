import { createHash } from "node:crypto";
import type pg from "pg";
import type { ChangeListener, ReleaseChangeFeed } from "../../core/ports/change-feed.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { PgSession, type PgTarget } from "./pg-session.js";

/** Payload meaning "re-read everything": announcements were dropped while this replica could not send them. */
const EVERYTHING = "*";
/** Announcements kept while disconnected; beyond this one "*" replaces them. */
const MAX_PENDING = 500;

/**
 * LISTEN/NOTIFY on one dedicated connection (a pooled one would lose the LISTEN): `announce` sends
 * `pg_notify(channel, releaseId)` on it, so the server tags our own notifications with our backend pid and we
 * skip them. The channel is database-wide, so it carries the schema, like the poller's lock. After a lost
 * connection it reconnects with back-off, LISTENs again and asks the listener to resync (what it missed is
 * unknown); announcements made meanwhile are sent once it is back.
 */
export class PgChangeFeed implements ReleaseChangeFeed {
  readonly channel: string;
  private readonly session: PgSession;
  private listener: ChangeListener | undefined;
  private ownPid: number | undefined;
  private pending: string[] = [];

  constructor(
    target: PgTarget,
    private readonly logger: Logger,
  ) {
    this.channel = channelName(target.schema);
    this.session = new PgSession({
      target,
      name: "release feed",
      logger,
      onConnect: (client, reconnected) => this.prepare(client, reconnected),
    });
  }

  async announce(releaseId: string): Promise<void> {
    const client = await this.session.get();
    if (!client) return this.keep(releaseId);
    try {
      await client.query("SELECT pg_notify($1, $2)", [this.channel, releaseId]);
    } catch (err) {
      this.session.drop(err, client);
      this.keep(releaseId);
    }
  }

  async listen(listener: ChangeListener): Promise<void> {
    this.listener = listener;
    this.session.stayConnected();
    const client = await this.session.get();
    if (client) await this.subscribe(client);
  }

  async close(): Promise<void> {
    this.listener = undefined;
    await this.session.close();
  }

  private async prepare(client: pg.Client, reconnected: boolean): Promise<void> {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    this.ownPid = rows[0]?.pid;
    client.on("notification", (msg) => this.heard(msg));
    if (this.listener) await this.subscribe(client);
    const pending = this.pending.splice(0);
    for (const id of pending) await client.query("SELECT pg_notify($1, $2)", [this.channel, id]);
    if (reconnected && this.listener) this.listener.resync();
  }

  private async subscribe(client: pg.Client): Promise<void> {
    // The channel name is ours (lower-case letters, digits, underscores), not user input.
    await client.query(`LISTEN "${this.channel}"`);
  }

  private heard(msg: pg.Notification): void {
    if (msg.channel !== this.channel || msg.processId === this.ownPid || !this.listener) return;
    const payload = msg.payload ?? "";
    try {
      if (payload === EVERYTHING) this.listener.resync();
      else if (payload) this.listener.changed(payload);
    } catch (err) {
      this.logger.warn("release feed listener failed", { releaseId: payload, error: err });
    }
  }

  private keep(releaseId: string): void {
    if (this.pending.length >= MAX_PENDING) this.pending = [EVERYTHING];
    else if (this.pending[0] !== EVERYTHING) this.pending.push(releaseId);
  }
}

/** `nato_brief_releases`, or with a schema `nato_brief_releases_<8 hex of its name>` (channels are database-wide). */
export function channelName(schema?: string): string {
  if (!schema || schema === "public") return "nato_brief_releases";
  return `nato_brief_releases_${createHash("sha256").update(schema).digest("hex").slice(0, 8)}`;
}

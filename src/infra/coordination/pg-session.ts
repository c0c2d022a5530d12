import pg from "pg";
import type { Logger } from "../../core/ports/logger.port.js";

/** Where a dedicated session connects: the store's database, and the schema the store uses there (if not public). */
export interface PgTarget {
  connectionString: string;
  schema?: string | undefined;
}

export interface PgSessionOptions {
  target: PgTarget;
  /** For log lines: what the session is for ("poller lock", "release feed"). */
  name: string;
  logger: Logger;
  /** Runs on each new connection before it is handed out (LISTEN); a failure drops the connection. */
  onConnect?: (client: pg.Client, reconnected: boolean) => Promise<void>;
  /** The connection dropped (server restart, network, pg_terminate_backend); whatever it held is gone. */
  onLost?: () => void;
  /** Reconnect in the background after a loss (a listener must), rather than at the next `get`. */
  keepConnected?: boolean;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One dedicated connection outside the pool, for state that lives in a session (an advisory lock, LISTEN): a
 * pooled connection would hand it to whichever query comes next. A lost connection is logged, never thrown at
 * the process; the next `get` (or, with `keepConnected`, a back-off timer) connects again.
 */
export class PgSession {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client | undefined> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private delayMs: number;
  private everConnected = false;
  private closed = false;
  private keepConnected: boolean;

  constructor(private readonly options: PgSessionOptions) {
    this.delayMs = options.minDelayMs ?? 250;
    this.keepConnected = options.keepConnected ?? false;
  }

  /** From now on, reconnect in the background after a loss (a listener must stay connected). */
  stayConnected(): void {
    this.keepConnected = true;
  }

  /** The connection, without connecting. */
  get current(): pg.Client | undefined {
    return this.client;
  }

  /** The connection, connecting first when there is none; undefined when the server cannot be reached now. */
  get(): Promise<pg.Client | undefined> {
    if (this.client) return Promise.resolve(this.client);
    if (this.closed) return Promise.resolve(undefined);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Drops the connection as lost (a query on it failed): what it held is given up; reconnects as configured. */
  drop(reason: unknown, client = this.client): void {
    // A late event from a connection already replaced must not drop its successor.
    if (!client || client !== this.client) return;
    this.client = undefined;
    this.options.logger.warn(`${this.options.name}: database connection lost`, { error: reason });
    client.removeAllListeners("end");
    client.on("error", () => {});
    void client.end().catch(() => {});
    this.options.onLost?.();
    if (this.keepConnected) this.scheduleRetry();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners("end");
    client.on("error", () => {});
    await client.end().catch(() => {});
  }

  private async connect(): Promise<pg.Client | undefined> {
    const client = new pg.Client({
      connectionString: this.options.target.connectionString,
      // A dead peer is noticed by TCP keep-alive even while the session is idle (a held lock, a LISTEN).
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      application_name: `nato-brief ${this.options.name}`,
    });
    // Without an 'error' listener a dropped connection would be an uncaught exception.
    client.on("error", (err) => this.drop(err, client));
    client.on("end", () => this.drop("connection ended", client));
    try {
      await client.connect();
      const reconnected = this.everConnected;
      await this.options.onConnect?.(client, reconnected);
      if (this.closed) {
        await client.end().catch(() => {});
        return undefined;
      }
      this.client = client;
      this.everConnected = true;
      this.delayMs = this.options.minDelayMs ?? 250;
      if (reconnected) this.options.logger.info(`${this.options.name}: database connection restored`);
      return client;
    } catch (err) {
      client.removeAllListeners("end");
      client.on("error", () => {});
      await client.end().catch(() => {});
      this.options.logger.warn(`${this.options.name}: cannot connect to the database`, { error: err });
      if (this.keepConnected) this.scheduleRetry();
      return undefined;
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    const wait = this.delayMs;
    this.delayMs = Math.min(this.options.maxDelayMs ?? 10_000, this.delayMs * 2);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.get();
    }, wait);
    this.retry.unref?.();
  }
}

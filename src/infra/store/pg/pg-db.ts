/**
 * The PostgreSQL connection: one `pg` Pool per process, every query parameterised. A connection the server
 * dropped (a restart, a fail-over, pg_terminate_backend) is logged and retried on a fresh one instead of
 * failing the request; an idle connection that dies is removed by the pool ('error' event), never a crash.
 * node-postgres pooling: https://node-postgres.com/features/pooling
 */
import pg from "pg";
import type { Logger } from "../../../core/ports/logger.port.js";

export interface PgOptions {
  url: string;
  /** Tables live in this schema (search_path of every connection); default: the server's (public). */
  schema?: string | undefined;
  poolMax?: number;
  logger: Logger;
  /** Tries of a statement or transaction whose connection was lost (default 3, the first included). */
  attempts?: number;
  /** Shown in pg_stat_activity (default nato-brief; `application_name=` in the URL wins). */
  applicationName?: string | undefined;
}

/** What a store runs its statements through: the pool, or one client inside a transaction. */
export interface Queryable {
  rows<R>(text: string, values?: unknown[]): Promise<R[]>;
  /** Rows changed. */
  run(text: string, values?: unknown[]): Promise<number>;
}

/**
 * Connection settings for a client of one's own (an advisory-lock or LISTEN connection beside the pool): the same
 * server, schema (search_path) and application name as the pool's. Session locks and NOTIFY channels are
 * database-wide: fold `schema` into their names so two schemas of one database never share them.
 */
export function pgClientConfig(options: Pick<PgOptions, "url" | "schema" | "applicationName">): pg.ClientConfig & {
  schema: string | undefined;
} {
  return {
    connectionString: options.url,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? "nato-brief",
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    schema: options.schema,
  };
}

export class PgDb implements Queryable {
  readonly pool: pg.Pool;
  readonly schema: string | undefined;
  private readonly logger: Logger;
  private readonly attempts: number;
  private ended = false;

  constructor(options: PgOptions) {
    this.schema = options.schema;
    this.logger = options.logger;
    this.attempts = options.attempts ?? 3;
    const { schema: _schema, ...client } = pgClientConfig(options);
    this.pool = new pg.Pool({
      ...client,
      max: options.poolMax ?? 10,
      idleTimeoutMillis: 30_000,
      // A hung statement or a transaction left open (a replica frozen mid-way) must not hold rows and locks forever.
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle connection the server closed: the pool drops it; without a listener Node would crash the process.
    this.pool.on("error", (err) => {
      this.logger.warn("a PostgreSQL connection was lost; the pool replaces it", { error: describePgError(err) });
    });
  }

  async rows<R>(text: string, values: unknown[] = []): Promise<R[]> {
    return this.retrying(async () => (await this.pool.query(text, values)).rows as R[]);
  }

  async run(text: string, values: unknown[] = []): Promise<number> {
    return this.retrying(async () => (await this.pool.query(text, values)).rowCount ?? 0);
  }

  /** `fn` inside BEGIN … COMMIT on one connection; rolled back when it throws, retried whole when the connection dies. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.retrying(async () => {
      const client = await this.pool.connect();
      // A checked-out client whose server goes away emits 'error' too: the running query rejects with it.
      const onError = (err: Error) =>
        this.logger.warn("PostgreSQL connection lost mid-transaction", { error: err.message });
      client.on("error", onError);
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(clientQueryable(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        if (isConnectionError(err)) broken = err as Error;
        else await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.off("error", onError);
        // A broken connection is destroyed rather than returned to the pool.
        client.release(broken ?? false);
      }
    });
  }

  /** A dedicated connection for session-level state (advisory locks); the caller releases it. */
  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (!isConnectionError(err) || attempt >= this.attempts || this.ended) throw err;
        this.logger.warn("PostgreSQL connection lost; retrying on a new one", {
          attempt,
          error: describePgError(err),
        });
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** (attempt - 1)));
      }
    }
  }
}

function clientQueryable(client: pg.PoolClient): Queryable {
  return {
    rows: async <R>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as R[],
    run: async (text: string, values: unknown[] = []) => (await client.query(text, values)).rowCount ?? 0,
  };
}

/**
 * Errors after which the statement may be tried again on another connection: the connection failed or was
 * closed by the server (SQLSTATE class 08, admin/crash shutdown 57P01-57P03), or a socket error.
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code)) return true;
  if (["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"].includes(code)) return true;
  const message = typeof e?.message === "string" ? e.message : "";
  return /Connection terminated|connection (?:is )?closed|Client has encountered a connection error/iu.test(message);
}

/** A PostgreSQL error for a log line: its code and message, never the connection string. */
export function describePgError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(err);
  return `${typeof e?.code === "string" ? `${e.code} ` : ""}${redactUrls(message)}`;
}

/** postgres://user:secret@host → postgres://user:***@host, wherever a message quotes one. */
export function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/giu, "$1***@");
}

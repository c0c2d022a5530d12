import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresMissing, TEST_DATABASE_URL } from "./postgres.js";

/** The server the PostgreSQL suites use: TEST_DATABASE_URL (CI sets it), else this machine's default. */
export const PG_ADMIN_URL = TEST_DATABASE_URL;

/** Why the PostgreSQL tests cannot run here (printed once by the probe), or undefined when the server answers. */
export const pgUnavailable = postgresMissing;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: advisory locks and NOTIFY channels are database-wide, so separate
 * databases (not just schemas) keep parallel test files from electing one leader between them.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `nb_${prefix}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Ends every session of `database` named `application` (a dropped connection, as a server restart does). */
/**
 * Ends the sessions of one application in one database, as a killed process would lose them, and waits until each
 * backend has exited (the timeout form of pg_terminate_backend, PostgreSQL 14+): only then are its session locks
 * free, so what the test asserts next does not race the backend's exit. The 10 s only bounds a hang.
 */
export async function terminateSessions(database: string, application: string): Promise<number> {
  const { rows } = await adminQuery<{ n: string }>(
    `SELECT count(pg_terminate_backend(pid, 10000)) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
    [database, application],
  );
  return Number(rows[0]?.n ?? 0);
}

async function admin(sql: string): Promise<void> {
  await adminQuery(sql, []);
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  client.on("error", () => {});
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL for tests: TEST_DATABASE_URL, else the local server CI starts (127.0.0.1:5432, database `test`).
 * Probed once per test file; without a server, PostgreSQL suites skip and say why. Each fixture gets a fresh
 * schema of its own, dropped afterwards, so files and tests never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

let probed: Promise<string | undefined> | undefined;

/** undefined when the server answers; otherwise why PostgreSQL tests skip (printed once per file). */
export function postgresMissing(): Promise<string | undefined> {
  probed ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return undefined;
    } catch (err) {
      const reason = `PostgreSQL tests skipped: no server at ${redact(TEST_DATABASE_URL)} (${(err as Error).message}); set TEST_DATABASE_URL or run .ci/run`;
      console.warn(reason);
      return reason;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probed;
}

export interface TestSchema {
  schema: string;
  /** DATABASE_URL naming the schema (`?schema=`), as a user would write it. */
  url: string;
  drop(): Promise<void>;
}

/** A new empty schema; `drop()` removes it with everything in it. */
export async function freshSchema(prefix = "t"): Promise<TestSchema> {
  const schema = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("schema", schema);
  return {
    schema,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A query on the test server outside any store (to look behind the store's back, or to kill its sessions). */
export async function adminQuery<R = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as R[];
  } finally {
    await c.end();
  }
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/u, "$1***@");
}

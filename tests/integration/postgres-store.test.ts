import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, databaseConfig, loadConfig } from "../../src/config.js";
import { scheduleFrom } from "../../src/core/domain/subscription.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { PgDb } from "../../src/infra/store/pg/pg-db.js";
import { migratePg, PG_MIGRATIONS } from "../../src/infra/store/pg/pg-migrations.js";
import { pgStoresOn } from "../../src/infra/store/pg/pg-stores.js";
import { openStores } from "../../src/infra/store/stores.js";
import { adminQuery, freshSchema, postgresMissing, type TestSchema } from "../helpers/postgres.js";

const missing = await postgresMissing();

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    debug: (msg, fields) => lines.push({ level: "debug", msg, fields }),
    info: (msg, fields) => lines.push({ level: "info", msg, fields }),
    warn: (msg, fields) => lines.push({ level: "warn", msg, fields }),
    error: (msg, fields) => lines.push({ level: "error", msg, fields }),
    child: () => logger,
  };
  return { logger, lines };
}

describe("DATABASE_URL for PostgreSQL (no server needed)", () => {
  const load = (url: string) => loadConfig({ DATABASE_URL: url }, { dotenvPath: false });
  it("selects PostgreSQL for postgres:// and postgresql://, with an optional schema", () => {
    expect(load("postgres://bot:pw@db.internal:5432/nato").database).toEqual({
      kind: "postgres",
      url: "postgres://bot:pw@db.internal:5432/nato",
      schema: undefined,
      poolMax: 10,
    });
    expect(databaseConfig("postgresql://db/nato?schema=brief_1&sslmode=require")).toMatchObject({
      url: "postgresql://db/nato?sslmode=require",
      schema: "brief_1",
    });
    expect(load("sqlite::memory:").database).toEqual({ kind: "sqlite", path: ":memory:" });
  });
  it("refuses a malformed URL or schema without repeating the password", () => {
    for (const url of [
      "postgres://bot:sk-live-123@/nato",
      "postgres://bot:sk-live-123@db/nato?schema=Bad;Drop",
      "mysql://x",
    ]) {
      expect(() => load(url)).toThrow(ConfigError);
      expect(() => load(url)).not.toThrow(/sk-live-123/);
    }
  });
});

describe.skipIf(missing !== undefined)("PostgreSQL store: migrations, lost connections, errors", () => {
  let schema: TestSchema | undefined;
  const dbs: PgDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.end();
    await schema?.drop();
    schema = undefined;
  });
  const open = (s: TestSchema, logger: Logger, applicationName?: string) => {
    const db = new PgDb({ url: s.url, schema: s.schema, logger, poolMax: 3, applicationName });
    dbs.push(db);
    return db;
  };

  it("migrates once when two replicas start together; a later start applies nothing", async () => {
    schema = await freshSchema("migrate");
    const { logger } = recordingLogger();
    const runs = await Promise.all([migratePg(open(schema, logger)), migratePg(open(schema, logger))]);
    expect(runs.map((r) => r.length).sort()).toEqual([0, PG_MIGRATIONS.length]);
    expect(await migratePg(open(schema, logger))).toEqual([]);
    const rows = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema.schema}.schema_migrations`);
    expect(rows[0]?.n).toBe(PG_MIGRATIONS.length);
  });

  it("keeps serving when the server terminates its connections: logged, retried, no crash", async () => {
    schema = await freshSchema("lost");
    const { logger, lines } = recordingLogger();
    const app = `nb_test_${schema.schema}`;
    const db = open(schema, logger, app);
    await migratePg(db);
    const stores = pgStoresOn(db);
    await stores.releases.countReleases();
    // Several connections open and idle in the pool, then all killed from outside.
    await Promise.all([1, 2, 3].map(() => stores.releases.countReleases()));
    const killed = await adminQuery<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid, 10000) AS ok FROM pg_stat_activity WHERE application_name = $1",
      [app],
    );
    expect(killed.length).toBeGreaterThan(0);
    expect(await stores.releases.countReleases()).toBe(0);
    expect(await stores.health()).toEqual({ store: "postgres", reachable: true });
    await expect
      .poll(() => lines.some((l) => l.level === "warn" && /connection was lost|retrying/u.test(l.msg)))
      .toBe(true);
  });

  it("retries a statement whose connection is terminated while it runs", async () => {
    schema = await freshSchema("midquery");
    const { logger, lines } = recordingLogger();
    const app = `nb_test_${schema.schema}`;
    const db = open(schema, logger, app);
    const slow = db.rows<{ one: number }>("SELECT 1 AS one, pg_sleep(0.5)");
    await expect
      .poll(
        async () =>
          (await adminQuery("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'", [app]))
            .length,
      )
      .toBe(1);
    await adminQuery("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = $1", [
      app,
    ]);
    expect(await slow).toEqual([{ one: 1, pg_sleep: "" }]);
    expect(lines.some((l) => l.msg === "PostgreSQL connection lost; retrying on a new one")).toBe(true);
  });

  it("lets another replica take a dead owner's rows at once, a live one's only when its lease ran out", async () => {
    schema = await freshSchema("presence");
    const url = (app: string) => {
      const u = new URL(schema!.url);
      u.searchParams.set("application_name", app);
      return databaseConfig(u.toString());
    };
    const appA = `nb_a_${schema.schema}`;
    const a = await openStores(url(appA), { logger: silentLogger, ledgerOwner: "host-a/1/a" });
    const b = await openStores(url(`nb_b_${schema.schema}`), { logger: silentLogger, ledgerOwner: "host-b/2/b" });
    try {
      const { subscription } = await a.subscriptions.upsert({
        target: "slack:T1:C1",
        schedule: scheduleFrom({}),
        timezone: "UTC",
        languages: "en",
        topics: [],
      });
      await a.ledger.open({ subscriptionId: subscription.id, period: "p", scheduledFor: "x", delayed: false });
      expect(await a.ledger.claim(subscription.id, "p", 600_000)).toBe(true);
      expect(await b.ledger.claim(subscription.id, "p", 600_000)).toBe(false);
      // Replica A's connections die (as when its process is killed): its presence lock goes with them.
      await adminQuery("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = $1", [
        appA,
      ]);
      expect(await b.ledger.claim(subscription.id, "p", 600_000)).toBe(true);
      // A, still running, takes its presence again; B is alive, so the row stays B's.
      expect(await a.ledger.claim(subscription.id, "p", 600_000)).toBe(false);
      expect(await b.ledger.claim(subscription.id, "p", 600_000)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("reports an unreachable server without the password, and health says so", async () => {
    const url = "postgres://bot:sk-live-123@127.0.0.1:1/nato";
    const { logger } = recordingLogger();
    await expect(openStores(databaseConfig(url), { logger })).rejects.toThrow(/cannot open the PostgreSQL database/);
    await expect(openStores(databaseConfig(url), { logger })).rejects.not.toThrow(/sk-live-123/);
    const db = new PgDb({ url, logger, attempts: 1 });
    dbs.push(db);
    const health = await pgStoresOn(db).health();
    expect(health).toMatchObject({ store: "postgres", reachable: false });
    expect(health.error).not.toMatch(/sk-live-123/);
  });
});

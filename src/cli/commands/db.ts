import { ConfigError, type DatabaseConfig, databaseConfig } from "../../config.js";
import { type CliCommand, type CliIo, JSON_FLAG, UsageError, wholeNumber, write } from "../cli-command.js";
import type { CliContext } from "../cli-context.js";

export const command: CliCommand = {
  name: "db",
  usage: [
    "db migrate [--json]",
    "db copy --from sqlite:./data/nato-brief.db --to postgres://USER:PASSWORD@HOST:5432/DB [--force] [--batch N] [--json]",
  ],
  description:
    "migrate: applies the schema migrations DATABASE_URL's database is missing (SQLite or PostgreSQL; `npm start`\n" +
    "does it too, under a lock, so replicas starting together migrate once) and says which ran.\n" +
    "copy: copies every table of a SQLite file into a PostgreSQL database (migrated first), in batches, and prints\n" +
    "the rows read and added per table. A target that already holds rows is refused unless --force, which adds the\n" +
    "rows it misses and keeps the ones it has (run it again after an interrupted copy). Stop the bot first.",
  flags: {
    from: { type: "string", describe: "the SQLite database to read: sqlite:PATH" },
    to: { type: "string", describe: "the PostgreSQL database to fill: postgres://… (optionally ?schema=NAME)" },
    force: { type: "boolean", describe: "copy into a target that already holds rows, keeping them" },
    batch: { type: "string", describe: "rows per INSERT (default 500)" },
    ...JSON_FLAG,
  },
  examples: [
    "db migrate",
    "db copy --from sqlite:./data/nato-brief.db --to postgres://nato:secret@db.internal:5432/nato_brief",
  ],
  async run(ctx, args, io) {
    const [action] = args.positionals;
    if (action === "migrate") return migrate(ctx, args.values, io);
    if (action === "copy") return copy(ctx, args.values, io);
    throw new UsageError(`takes "migrate" or "copy" (got ${action === undefined ? "nothing" : `"${action}"`})`);
  },
};

type Values = Record<string, string | boolean | undefined>;

async function migrate(ctx: CliContext, values: Values, io: CliIo): Promise<number> {
  const [config, logger] = await Promise.all([ctx.config(), ctx.logger()]);
  const db = config.database;
  let applied: number[] = [];
  if (db.kind === "sqlite") {
    const { openDatabase } = await import("../../infra/store/sqlite.js");
    openDatabase(db.path, (ran) => {
      applied = ran;
    }).close();
  } else {
    const [{ PgDb }, { migratePg }] = await Promise.all([
      import("../../infra/store/pg/pg-db.js"),
      import("../../infra/store/pg/pg-migrations.js"),
    ]);
    const pg = new PgDb({ url: db.url, schema: db.schema, poolMax: 1, logger });
    try {
      applied = await migratePg(pg);
    } finally {
      await pg.end();
    }
  }
  if (values.json) write(io, JSON.stringify({ store: db.kind === "sqlite" ? "sqlite" : "postgres", applied }));
  else write(io, applied.length ? `applied migrations ${applied.join(", ")}` : "the schema is up to date");
  return 0;
}

async function copy(ctx: CliContext, values: Values, io: CliIo): Promise<number> {
  const from = target(values.from, "from", "sqlite");
  const to = target(values.to, "to", "postgres");
  const batchSize = wholeNumber(values.batch, "batch", 500, 1, 5000);
  if (from.kind !== "sqlite" || to.kind !== "postgres") throw new UsageError("copies from SQLite to PostgreSQL");
  const logger = await ctx.logger();
  const [{ openDatabase }, { PgDb }, { copySqliteToPostgres, CopyRefused }] = await Promise.all([
    import("../../infra/store/sqlite.js"),
    import("../../infra/store/pg/pg-db.js"),
    import("../../infra/store/copy-to-postgres.js"),
  ]);
  const source = openDatabase(from.path);
  const pg = new PgDb({ url: to.url, schema: to.schema, poolMax: 2, logger });
  try {
    const counts = await copySqliteToPostgres(source, pg, {
      force: values.force === true,
      batchSize,
      onTable: values.json
        ? undefined
        : (c) =>
            write(
              io,
              `${c.table.padEnd(24)} ${String(c.read).padStart(7)} read ${String(c.inserted).padStart(7)} added`,
            ),
    });
    const total = counts.reduce((t, c) => ({ read: t.read + c.read, inserted: t.inserted + c.inserted }), {
      read: 0,
      inserted: 0,
    });
    if (values.json) write(io, JSON.stringify({ tables: counts, ...total }));
    else write(io, `copied: ${total.inserted} row(s) added, ${total.read - total.inserted} already there`);
    return 0;
  } catch (err) {
    if (err instanceof CopyRefused) throw new UsageError(err.message, { usage: false });
    throw err;
  } finally {
    source.close();
    await pg.end();
  }
}

/** A --from/--to value as a database; the value itself is never repeated (it may hold a password). */
function target(value: unknown, flag: string, kind: DatabaseConfig["kind"]): DatabaseConfig {
  const example = kind === "sqlite" ? "sqlite:./data/nato-brief.db" : "postgres://user:password@host:5432/db";
  if (typeof value !== "string" || value === "") throw new UsageError(`--${flag} is required, e.g. ${example}`);
  const ok = kind === "sqlite" ? value.startsWith("sqlite:") : /^postgres(ql)?:\/\/[^/]/u.test(value);
  if (!ok) throw new UsageError(`--${flag} must look like ${example}`);
  try {
    return databaseConfig(value);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`--${flag} ${err.message.replace(/^.*DATABASE_URL /u, "")}`);
    throw new UsageError(`--${flag} must look like ${example}`);
  }
}

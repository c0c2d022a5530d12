import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/cli-command.js";
import type { CliContext } from "../../src/cli/cli-context.js";
import { command as dbCommand } from "../../src/cli/commands/db.js";
import { type Config, databaseConfig, loadConfig } from "../../src/config.js";
import { scheduleFrom } from "../../src/core/domain/subscription.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { openStores, type Stores } from "../../src/infra/store/stores.js";
import { draft } from "../contract/stores/fixture.js";
import { freshSchema, postgresMissing, type TestSchema } from "../helpers/postgres.js";

const missing = await postgresMissing();

function context(config: Config): CliContext {
  return { config: async () => config, logger: async () => silentLogger } as unknown as CliContext;
}

async function run(config: Config, positionals: string[], values: Record<string, string | boolean | undefined> = {}) {
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const code = await dbCommand.run(
    context(config),
    { positionals, values },
    {
      stdout,
      stderr: new PassThrough(),
      stdin: new PassThrough(),
    },
  );
  return { code, out };
}

/** A SQLite file with a row in every kind of table. */
async function filledSqlite(file: string): Promise<void> {
  const s = await openStores({ kind: "sqlite", path: file }, { logger: silentLogger });
  const { release } = await s.releases.saveRelease(draft("h1", "https://www.nato.int/en/a"));
  await s.releases.saveRelease(draft("h2", undefined, "Another", "2024-03-01"));
  await s.releases.linkUrl(release.id, "https://www.nato.int/fr/a", "fr");
  const sub = (
    await s.subscriptions.upsert({
      target: "slack:T1:C1",
      schedule: scheduleFrom({}),
      timezone: "UTC",
      languages: "en",
      topics: ["cyber"],
    })
  ).subscription;
  await s.subscriptions.upsert({
    target: "slack:T1:C2",
    schedule: scheduleFrom({}),
    timezone: "UTC",
    languages: "fr",
    topics: [],
  });
  await s.subscriptions.setEnabled(sub.id, false, "by an operator");
  await s.ledger.open({
    subscriptionId: sub.id,
    period: "2026-03-27",
    scheduledFor: "2026-03-27T08:00:00.000Z",
    delayed: true,
  });
  await s.ledger.freeze(sub.id, "2026-03-27", { since: "a", until: "b" }, [{ index: 0, total: 1 } as never]);
  await s.preferences.setLanguage("slack:T1:U1", "fr");
  await s.seenEvents.firstSeen("slack:Ev1");
  await s.conversationRefs.save({
    key: "teams:19:a",
    platform: "teams",
    teamId: "T",
    reference: { serviceUrl: "https://s/" },
  });
  await s.installations.save({
    platform: "slack",
    installKey: "T1",
    isEnterpriseInstall: true,
    keyId: "k",
    sealed: "x",
  });
  await s.briefRejections.save({
    key: { contentHash: "h1", engine: "llm", promptVersion: "1" },
    releaseId: release.id,
    reason: "r",
    findings: [],
    rejectedAt: "t",
  });
  await s.sourceState.saveValidators("https://a/", { etag: '"e"' });
  await s.sourceState.saveBackoff("host:a", { failures: 1, retryAt: "t" });
  await s.releaseTranslations.save({
    releaseId: release.id,
    lang: "fr",
    contentHash: "h1",
    title: "Les Alliés se réunissent",
    sentences: ["Un.", "Deux."],
    pipeline: "apertium:en-es-fr",
    createdAt: "2026-03-27T08:00:00.000Z",
  });
  await s.close();
}

async function snapshot(s: Stores) {
  const subs = await s.subscriptions.list();
  return {
    releases: await s.releases.listReleases({ limit: 10 }),
    linked: (await s.releases.findByUrl("https://www.nato.int/fr/a"))?.id,
    subs,
    ledger: await s.ledger.list(),
    pref: await s.preferences.getLanguage("slack:T1:U1"),
    refs: await s.conversationRefs.list(),
    installs: await s.installations.list("slack"),
    rejection: await s.briefRejections.get({ contentHash: "h1", engine: "llm", promptVersion: "1" }),
    validators: await s.sourceState.validators("https://a/"),
    backoff: await s.sourceState.backoff("host:a"),
    translation: await s.releaseTranslations.get((await s.releases.findByUrl("https://www.nato.int/fr/a"))!.id, "fr"),
  };
}

describe("nato-brief db migrate (SQLite)", () => {
  it("says which migrations it applied, then that the schema is up to date", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "db-cli-")), "m.db");
    const config = loadConfig({ DATABASE_URL: `sqlite:${file}` }, { dotenvPath: false });
    expect((await run(config, ["migrate"])).out).toMatch(/^applied migrations 1, 2, 4/u);
    expect(await run(config, ["migrate"], { json: true })).toEqual({
      code: 0,
      out: '{"store":"sqlite","applied":[]}\n',
    });
  });
  it("refuses a copy whose --from or --to is not the right kind, without repeating it", async () => {
    const config = loadConfig({}, { dotenvPath: false });
    await expect(run(config, ["copy"], { from: "sqlite:x.db" })).rejects.toThrow(/--to is required/);
    await expect(run(config, ["copy"], { from: "postgres://u:sk-secret@h/d", to: "postgres://h/d" })).rejects.toThrow(
      UsageError,
    );
    await expect(
      run(config, ["copy"], { from: "postgres://u:sk-secret@h/d", to: "postgres://h/d" }),
    ).rejects.not.toThrow(/sk-secret/);
    await expect(run(config, ["vacuum"])).rejects.toThrow(/takes "migrate" or "copy"/);
  });
});

describe.skipIf(missing !== undefined)("nato-brief db copy (SQLite → PostgreSQL) and db migrate on PostgreSQL", () => {
  let schema: TestSchema | undefined;
  afterEach(async () => schema?.drop());

  it("copies every table, prints counts, refuses a filled target, and completes idempotently with --force", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "db-copy-")), "nato-brief.db");
    await filledSqlite(file);
    schema = await freshSchema("copy");
    const config = loadConfig({}, { dotenvPath: false });
    const first = await run(config, ["copy"], { from: `sqlite:${file}`, to: schema.url, batch: "1" });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^releases\s+2 read\s+2 added$/mu);
    expect(first.out).toMatch(/^digest_delivery_parts\s+1 read\s+1 added$/mu);
    expect(first.out).toMatch(/copied: \d+ row\(s\) added, 0 already there/u);

    const sqlite = await openStores({ kind: "sqlite", path: file }, { logger: silentLogger });
    const pg = await openStores(databaseConfig(schema.url), { logger: silentLogger });
    try {
      expect(await snapshot(pg)).toEqual(await snapshot(sqlite));
      expect(await pg.seenEvents.firstSeen("slack:Ev1")).toBe(false);
      // New rows after the copy go on from where SQLite stood.
      const third = await pg.subscriptions.upsert({
        target: "slack:T1:C3",
        schedule: scheduleFrom({}),
        timezone: "UTC",
        languages: "en",
        topics: [],
      });
      expect((await pg.subscriptions.list()).at(-1)?.id).toBe(third.subscription.id);
    } finally {
      await sqlite.close();
      await pg.close();
    }

    await expect(run(config, ["copy"], { from: `sqlite:${file}`, to: schema.url })).rejects.toThrow(
      /already holds rows.*--force/,
    );
    const again = await run(config, ["copy"], { from: `sqlite:${file}`, to: schema.url, force: true, json: true });
    const report = JSON.parse(again.out) as { inserted: number; read: number };
    expect(report.inserted).toBe(0);
    expect(report.read).toBeGreaterThan(10);
  });

  it("db migrate on PostgreSQL applies the schema once", async () => {
    schema = await freshSchema("migcli");
    const config = loadConfig({ DATABASE_URL: schema.url }, { dotenvPath: false });
    expect(await run(config, ["migrate"], { json: true })).toEqual({
      code: 0,
      out: '{"store":"postgres","applied":[1,2,3]}\n',
    });
    expect((await run(config, ["migrate"])).out).toBe("the schema is up to date\n");
  });
});

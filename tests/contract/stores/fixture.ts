import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseConfig } from "../../../src/config.js";
import type { Brief } from "../../../src/core/domain/brief.js";
import type { ReleaseDraft } from "../../../src/core/domain/release.js";
import { silentLogger } from "../../../src/core/ports/logger.port.js";
import { openStores, type Stores } from "../../../src/infra/store/stores.js";
import { freshSchema } from "../../helpers/postgres.js";

/** A settable clock shared by every store of a fixture. */
export class TestClock {
  constructor(public ms = Date.parse("2026-03-27T08:00:00.000Z")) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface StoreFixture {
  stores: Stores;
  clock: TestClock;
  /** Another process on the same database (another replica): its own connection and a ledger owner of its own. */
  other(): Promise<Stores>;
  close(): Promise<void>;
}

export type FixtureFactory = () => Promise<StoreFixture>;

/** A SQLite file in a temporary folder (a file, not :memory:, so `other()` opens the same database). */
export const sqliteFixture: FixtureFactory = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contract-"));
  const file = path.join(dir, "t.db");
  const clock = new TestClock();
  const opened: Stores[] = [];
  const open = async (owner: string) => {
    const s = await openStores(
      { kind: "sqlite", path: file },
      { logger: silentLogger, now: clock.now, ledgerOwner: owner },
    );
    opened.push(s);
    return s;
  };
  return {
    stores: await open("other-host/1/a"),
    clock,
    other: () => open(`other-host/${opened.length + 1}/b`),
    async close() {
      for (const s of opened) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A fresh PostgreSQL schema, migrated by the first open, dropped at close. */
export const postgresFixture: FixtureFactory = async () => {
  const schema = await freshSchema("contract");
  const clock = new TestClock();
  const opened: Stores[] = [];
  const open = async (owner: string) => {
    const s = await openStores(databaseConfig(schema.url, 4), {
      logger: silentLogger,
      now: clock.now,
      ledgerOwner: owner,
    });
    opened.push(s);
    return s;
  };
  return {
    stores: await open("host-a/1/a"),
    clock,
    other: () => open(`host-b/${opened.length + 1}/b`),
    async close() {
      for (const s of opened) await s.close();
      await schema.drop();
    },
  };
};

export const draft = (hash: string, url?: string, title = "Allies meet", published = "2024-02-13"): ReleaseDraft => ({
  canonicalUrl: url,
  contentHash: hash,
  sourceLanguage: "en",
  published,
  texts: { en: { lang: "en", title, paragraphs: ["One.", "Two."], url, official: true } },
});

export const brief = (releaseId: string, contentHash: string, engine = "offline", createdAt?: string): Brief => ({
  release: { id: releaseId, sourceLanguage: "en", titles: {}, urls: {} },
  en: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  fr: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  provenance: { en: { kind: "source", label: "x" }, fr: { kind: "machine-offline", label: "y" } },
  engine,
  promptVersion: "1",
  contentHash,
  usage: null,
  checks: { ok: true, checkedAt: "2024-01-01T00:00:00Z", findings: [] },
  createdAt: createdAt ?? new Date().toISOString(),
});

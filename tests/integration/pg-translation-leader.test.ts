/**
 * Replicas on one PostgreSQL store: only the leader of the "translations" election resumes the offline
 * translations left to do at start-up (after an upgrade, every stored one), so that work is done once; when it
 * stops, a follower takes over and resumes only what is still left.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../src/config.js";
import { LeaderElection } from "../../src/core/coordination/leader-election.js";
import type { Lang } from "../../src/core/domain/language.js";
import { draftFromText } from "../../src/core/ingest/index.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { Translator } from "../../src/core/ports/translator.port.js";
import { resumeTranslationsWhenLeading } from "../../src/core/qa/translation-leader.js";
import { TranslationQueue } from "../../src/core/qa/translation-queue.js";
import { PgAdvisoryLock } from "../../src/infra/coordination/pg-advisory-lock.js";
import { PgReleaseTranslations } from "../../src/infra/store/pg/pg-qa-index-store.js";
import { openPgStores } from "../../src/infra/store/pg/pg-stores.js";
import { freshSchema, postgresMissing } from "../helpers/postgres.js";

const missing = await postgresMissing();
if (missing) console.log(`pg-translation-leader: skipped, ${missing}`);

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A translator that counts the releases it translated (by their title, the first segment of each). */
function counting(): Translator & { titles: string[] } {
  const t = {
    titles: [] as string[],
    async status(from: Lang, to: Lang) {
      return { available: true as const, pipeline: `fake ${from}-${to}` };
    },
    async translate(segments: string[]) {
      if (segments.length === 1) t.titles.push(segments[0]!);
      return segments.map((s) => `EN: ${s}`);
    },
    async close() {},
  };
  return t;
}

const RELEASES = 6;
const release = (n: number) =>
  draftFromText(
    [
      `Communiqué numéro ${n}`,
      `Bruxelles, 2 mai 2025 – Les Alliés ont approuvé le plan numéro ${n} pour la défense aérienne et antimissile.`,
      "Le plan prévoit des exercices communs, un partage des données radar et des stocks de munitions renforcés.",
      "Les ministres en examineront la mise en œuvre lors de leur prochaine réunion à Bruxelles.",
    ].join("\n"),
    { url: `https://www.nato.int/cps/fr/natohq/news_${n}.htm` },
  );

describe.skipIf(missing !== undefined)("offline translations resumed by one replica", () => {
  const closers: (() => Promise<void>)[] = [];
  let url = "";
  beforeAll(async () => {
    const schema = await freshSchema("translead");
    closers.push(() => schema.drop());
    url = schema.url;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  });

  it("the leader resumes; the others do not; a follower that takes over finds nothing left", async () => {
    const config = databaseConfig(url);
    if (config.kind !== "postgres") throw new Error("not a PostgreSQL URL");
    const replica = async () => {
      const stores = await openPgStores(config, { logger: silentLogger });
      const translations = new PgReleaseTranslations(stores.db);
      const translator = counting();
      const queue = new TranslationQueue({ store: stores.releases, translations, translator, onTranslated: () => {} });
      const lock = new PgAdvisoryLock(
        "translations",
        { connectionString: config.url, schema: config.schema },
        silentLogger,
      );
      const election = new LeaderElection({ lock, logger: silentLogger, retryMs: 100 });
      resumeTranslationsWhenLeading(election, queue, silentLogger);
      closers.push(async () => {
        await election.stop();
        await queue.stop();
        await stores.close();
      });
      return { stores, translations, translator, queue, election };
    };
    const a = await replica();
    // Stored before any replica starts: what a start-up finds left to translate.
    for (let n = 1; n <= RELEASES; n++) await a.stores.releases.saveRelease(release(n));
    const b = await replica();
    const c = await replica();
    const all = [a, b, c];
    for (const r of all) r.election.start();
    await until(async () => (await a.translations.pending(100)).length === 0);
    for (const r of all) await r.queue.idle();
    const leader = all.find((r) => r.election.isLeader)!;
    expect(all.filter((r) => r.election.isLeader)).toHaveLength(1);
    expect(leader.translator.titles).toHaveLength(RELEASES);
    expect(all.filter((r) => r !== leader).flatMap((r) => r.translator.titles)).toEqual([]);

    await leader.election.stop();
    const rest = all.filter((r) => r !== leader);
    await until(() => rest.some((r) => r.election.isLeader));
    for (const r of rest) await r.queue.idle();
    expect(rest.flatMap((r) => r.translator.titles)).toEqual([]);
  });
});

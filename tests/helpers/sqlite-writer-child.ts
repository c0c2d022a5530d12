/**
 * One of several processes writing into one SQLite file at once (tests/integration/sqlite-concurrent-writers):
 * waits for the common start time, then saves `count` releases and subscriptions, each a read-then-write
 * transaction, as fast as it can. Prints how many writes failed and why.
 */
import { contentHash } from "../../src/core/ingest/content-hash.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { SqliteSubscriptionStore } from "../../src/infra/store/sqlite-subscription-store.js";

const [file = "", worker = "0", countArg = "10", startAt = "0"] = process.argv.slice(2);
const db = openDatabase(file);
const releases = new SqliteReleaseStore(db);
const subscriptions = new SqliteSubscriptionStore(db);
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));

const errors: string[] = [];
for (let i = 0; i < Number(countArg); i++) {
  const body = `Release ${worker}-${i}: Allies met in Brussels and agreed on a plan for air defence production.`;
  const texts = { en: { lang: "en" as const, title: `Title ${worker}-${i}`, paragraphs: [body], official: true } };
  try {
    await releases.saveRelease({
      canonicalUrl: `https://www.nato.int/cps/en/natohq/news_${worker}${i}.htm`,
      contentHash: contentHash(texts),
      sourceLanguage: "en",
      texts,
    });
    await subscriptions.upsert({
      target: `slack:C${worker}${i}`,
      schedule: { kind: "daily", time: "08:00" },
      timezone: "UTC",
      languages: "both",
      topics: [],
    });
  } catch (err) {
    errors.push((err as Error).message);
  }
}
db.close();
process.stdout.write(JSON.stringify({ worker, errors }));

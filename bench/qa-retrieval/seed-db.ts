/**
 * Writes the qa-retrieval corpus of N releases (and the offline translations of those NATO published in one
 * language) to a SQLite file, for timing the command line against it:
 * node --import tsx bench/qa-retrieval/seed-db.ts FILE N
 */
import fs from "node:fs";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { draft, syntheticTranslation } from "./corpus.js";

const [file, count] = process.argv.slice(2);
if (!file || !(Number(count) > 0)) {
  console.error("usage: seed-db.ts FILE N");
  process.exit(2);
}
fs.rmSync(file, { force: true });
const db = openDatabase(file);
const store = new SqliteReleaseStore(db);
const translations = new SqliteReleaseTranslations(db);
for (let i = 0; i < Number(count); i++) {
  const translation = syntheticTranslation((await store.saveRelease(draft(i))).release);
  if (translation) await translations.save(translation);
}
console.log(`${await store.countReleases()} releases in ${file}`);
await store.close();

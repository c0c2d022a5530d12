import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { describeQaIndexStoreContract } from "./qa-index-store.contract.js";

describeQaIndexStoreContract("SQLite", async () => {
  const db = openDatabase(":memory:");
  return {
    releases: new SqliteReleaseStore(db),
    translations: new SqliteReleaseTranslations(db),
    snapshots: new SqliteQaSnapshots(db),
    close: async () => {
      db.close();
    },
  };
});

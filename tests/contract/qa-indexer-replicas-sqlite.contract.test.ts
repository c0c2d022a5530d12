import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteQaSnapshots } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { describeIndexerReplicasContract } from "./qa-indexer-replicas.contract.js";

describeIndexerReplicasContract("SQLite", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-replicas-"));
  const file = path.join(dir, "store.db");
  const opened: Database.Database[] = [];
  return {
    async connect() {
      const db = openDatabase(file);
      opened.push(db);
      return { releases: new SqliteReleaseStore(db), snapshots: new SqliteQaSnapshots(db) };
    },
    async close() {
      for (const db of opened) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

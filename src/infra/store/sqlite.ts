import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrations.js";

/** Opens (creating its folder) and migrates the SQLite file; WAL so readers never wait on the writer. */
export function openDatabase(file: string, onMigrated?: (versions: number[]) => void): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`cannot open the database file ${file}: ${(err as Error).message}`);
  }
  // busy_timeout first: switching to WAL takes a lock another process may hold for a moment.
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  const ran = migrate(db);
  onMigrated?.(ran);
  return db;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, prepared once per database: a question reads a few releases, their texts and translations
 * with the same queries, and preparing one costs more than running it. For fixed SQL text only (never SQL holding a
 * value), and not for a statement iterated while it may run again.
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}

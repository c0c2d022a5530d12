import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/store/sqlite.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-writers-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PROCESSES = 4;
const WRITES = 15;

describe("concurrent writers across processes on one SQLite file (issue 15, finding 4)", () => {
  it(`${PROCESSES} processes × ${WRITES} read-then-write transactions: none lost to "database is locked"`, async () => {
    const file = path.join(dir, "db.sqlite");
    openDatabase(file).close(); // migrated once, so the children only write
    // Spawning under tsx takes a while: every child waits for the same moment before its first write.
    const startAt = Date.now() + 4000;
    const children = Array.from({ length: PROCESSES }, (_, w) =>
      run(
        process.execPath,
        ["--import", "tsx", "tests/helpers/sqlite-writer-child.ts", file, String(w), String(WRITES), String(startAt)],
        { cwd: root, timeout: 60_000 },
      ),
    );
    const results = (await Promise.all(children)).map((r) => JSON.parse(r.stdout) as { errors: string[] });
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const db = openDatabase(file);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM releases")).toBe(PROCESSES * WRITES);
    expect(count("SELECT count(*) AS n FROM subscriptions")).toBe(PROCESSES * WRITES);
    db.close();
  }, 90_000);
});

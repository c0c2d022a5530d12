import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, statement } from "../../src/infra/store/sqlite.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function db() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stmt-"));
  dirs.push(dir);
  return openDatabase(path.join(dir, "t.db"));
}

describe("statement: prepared once per database and SQL text", () => {
  it("prepares a query once however often it runs, and apart for another database", () => {
    const a = db();
    const b = db();
    const prepare = vi.spyOn(a, "prepare");
    for (let i = 0; i < 5; i++) expect(statement(a, "SELECT ? AS n").get(i)).toEqual({ n: i });
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(statement(a, "SELECT ? AS n")).toBe(statement(a, "SELECT ? AS n"));
    expect(statement(b, "SELECT ? AS n")).not.toBe(statement(a, "SELECT ? AS n"));
    expect(statement(b, "SELECT 2 AS n").get()).toEqual({ n: 2 });
    a.close();
    b.close();
  });
});

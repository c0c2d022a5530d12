import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const node = process.execPath;
const child = path.join(import.meta.dirname, "digest-crash-child.mjs");

const lines = (file: string): { target: string; key: string }[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

describe("a digest fan-out killed with SIGKILL and started again", () => {
  it("completes with every part posted exactly once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-kill-"));
    const db = path.join(dir, "db.sqlite");
    const journal = path.join(dir, "journal.jsonl");
    execFileSync(node, [child, db, journal, "setup"], { cwd: root });

    // Its own process group, so SIGKILL reaches the whole process, as `kill -9` on a server would.
    const first = spawn(node, [child, db, journal, "run"], { cwd: root, stdio: "ignore", detached: true });
    const exited = new Promise((r) => first.once("exit", r));
    // Kill it mid-way: once a quarter of the 60 parts (20 rooms × 3 parts) went out.
    for (let waited = 0; lines(journal).length < 15; waited += 5) {
      if (waited > 30_000) throw new Error("the first run never got going");
      await new Promise((r) => setTimeout(r, 5));
    }
    process.kill(-first.pid!, "SIGKILL");
    await exited;
    const before = lines(journal).length;
    expect(before).toBeGreaterThanOrEqual(15);
    expect(before).toBeLessThan(60);

    const out = execFileSync(node, [child, db, journal, "run"], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out.trim())).toEqual(Array(20).fill("posted"));
    const posted = lines(journal);
    expect(posted).toHaveLength(60);
    expect(new Set(posted.map((p) => p.key)).size).toBe(60);
    for (let i = 0; i < 20; i++) expect(posted.filter((p) => p.target === `journal:room${i}`)).toHaveLength(3);

    // Run again: nothing more is posted.
    const again = execFileSync(node, [child, db, journal, "run"], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(again.trim())).toEqual(Array(20).fill("already-done"));
    expect(lines(journal)).toHaveLength(60);
  }, 60_000);
});

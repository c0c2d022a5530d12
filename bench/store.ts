/**
 * The same store operations on SQLite (a temp file) and PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432/test, a
 * fresh schema dropped afterwards): what a poll, a digest fan-out and chat requests ask of the store. Per-call
 * latency of sequential calls, and the wall time of a 1,000-target ledger fan-out with 64 deliveries in flight.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseConfig } from "../src/config.js";
import { scheduleFrom } from "../src/core/domain/subscription.js";
import { silentLogger } from "../src/core/ports/logger.port.js";
import { openStores, type Stores } from "../src/infra/store/stores.js";
import { draft } from "../tests/contract/stores/fixture.js";
import { freshSchema, postgresMissing } from "../tests/helpers/postgres.js";

const RELEASES = 300;
const TARGETS = 1000;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function timed(n: number, op: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function measure(kind: string, s: Stores): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const fmt = (st: { p50: number; p99: number }) => `${st.p50.toFixed(2)} / ${st.p99.toFixed(2)} ms`;
  out["saveRelease (new)"] = fmt(
    await timed(RELEASES, (i) => s.releases.saveRelease(draft(`h${i}`, `https://www.nato.int/b/${i}`, `Release ${i}`))),
  );
  out.findByUrl = fmt(await timed(RELEASES, (i) => s.releases.findByUrl(`https://www.nato.int/b/${i}`)));
  out["listReleases (20)"] = fmt(await timed(200, () => s.releases.listReleases({ limit: 20 })));
  out["firstSeen (event dedupe)"] = fmt(await timed(1000, (i) => s.seenEvents.firstSeen(`slack:${kind}:${i}`)));
  out.getLanguage = fmt(await timed(1000, (i) => s.preferences.getLanguage(`slack:T1:U${i % 50}`)));
  const ids: string[] = [];
  for (let i = 0; i < TARGETS; i++) {
    const { subscription } = await s.subscriptions.upsert({
      target: `bench:c${i}`,
      schedule: scheduleFrom({}),
      timezone: "UTC",
      languages: "en",
      topics: [],
    });
    ids.push(subscription.id);
  }
  const deliver = async (id: string) => {
    await s.ledger.open({ subscriptionId: id, period: "p", scheduledFor: "2026-03-27T08:00:00.000Z", delayed: false });
    if (!(await s.ledger.claim(id, "p", 60_000))) throw new Error("claim refused");
    await s.ledger.freeze(id, "p", { since: "a", until: "b" }, [{ index: 0, total: 1 } as never]);
    await s.ledger.claim(id, "p", 60_000);
    await s.ledger.markPartPosting(id, "p", 0);
    await s.ledger.markPartPosted(id, "p", 0, `m-${id}`);
    await s.ledger.finish(id, "p", "posted");
    await s.ledger.release(id, "p");
  };
  out["one delivery's ledger writes (8 calls)"] = fmt(await timed(100, (i) => deliver(ids[i]!)));
  const rest = ids.slice(100);
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < rest.length) await deliver(rest[next++]!);
    }),
  );
  out[`ledger fan-out, ${rest.length} targets, 64 in flight`] =
    `${((performance.now() - t) / 1000).toFixed(2)} s total`;
  return out;
}

const results: Record<string, Record<string, string>> = {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-store-"));
const sqlite = await openStores({ kind: "sqlite", path: path.join(dir, "b.db") }, { logger: silentLogger });
results.SQLite = await measure("sqlite", sqlite);
await sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });

const missing = await postgresMissing();
if (missing) console.log(missing);
else {
  const schema = await freshSchema("bench");
  try {
    const pg = await openStores(databaseConfig(schema.url), { logger: silentLogger });
    results.PostgreSQL = await measure("pg", pg);
    await pg.close();
  } finally {
    await schema.drop();
  }
}

const kinds = Object.keys(results);
const rows = Object.keys(results.SQLite!);
console.log(`\n| operation (p50 / p99 per call) | ${kinds.join(" | ")} |`);
console.log(`| --- | ${kinds.map(() => "---").join(" | ")} |`);
for (const r of rows) console.log(`| ${r} | ${kinds.map((k) => results[k]![r]).join(" | ")} |`);

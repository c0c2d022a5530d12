/**
 * `npm run bench -- replicas`: the bot as replicas on one PostgreSQL database.
 * 1. Digest fan-out of 1,000 Slack targets (one part each) with 1 and 3 replicas, against a fake Slack that
 *    enforces a workspace-wide limit (429 + Retry-After beyond 50 posts/s, with 30 ms latency): wall time from the
 *    "deliver now" signal (SIGUSR2 to every replica) to the last row posted, against the floor the limit allows
 *    (1,000 / 50 = 20 s), with each replica pacing itself at its share of the limit (SLACK_POSTS_PER_MINUTE) and,
 *    for comparison, at the whole limit each (the 429s are then the platform's doing).
 * 2. Slack acknowledgement latency of `/nato-brief latest` under 200 concurrent signed requests, one replica on
 *    PostgreSQL beside one on SQLite, rounds alternating.
 * Replicas are the compiled server (dist/, `npm run build`), each its own process; the fake Slack and the load
 * generator run in this process. Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432/test).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeSlackApi } from "../tests/fakes/fake-slack-api.js";
import { freshSchema, postgresMissing } from "../tests/helpers/postgres.js";
import { replicaEnv } from "../tests/helpers/replica-env.js";
import { type Replica, startReplica } from "../tests/helpers/replica-process.js";
import { openSharedStores, seedReleases, seedSubscriptions, setEnabled } from "../tests/helpers/replica-stores.js";
import { percentile, postSignedLatest } from "./slack-ack/signed-post.js";

const TARGETS = 1000;
const LIMIT_PER_S = 50;
const CONCURRENCY = 200;
const ROUNDS = 5;
const SECRET = "bench-replicas-secret";

const missing = await postgresMissing();
if (missing) {
  console.log(`replicas bench skipped: ${missing}`);
  process.exit(0);
}
if (!fs.existsSync(path.resolve(import.meta.dirname, "../dist/src/main.js"))) {
  console.error("replicas bench: run `npm run build` first (replicas run the compiled server)");
  process.exit(2);
}

const fake = await new FakeSlackApi().start();
fake.postOptions.keepCalls = false;
const running: Replica[] = [];
let started = 0;

function env(database: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return replicaEnv(
    {
      databaseUrl: database,
      botToken: `xoxb-bench-${++started}`,
      signingSecret: SECRET,
      slackApiUrl: fake.apiUrl,
      nodeEnv: "production",
    },
    { DIGEST_CATCHUP_HOURS: "0", DIGEST_LEASE_MS: "5000", DIGEST_RESUME_INTERVAL_MS: "2000", ...extra },
  );
}
const launch = async (name: string, e: NodeJS.ProcessEnv) => {
  const r = await startReplica(name, e);
  running.push(r);
  return r;
};

async function fanOut(url: string): Promise<string[]> {
  const stores = await openSharedStores(url);
  const first = await launch("migrate", env(url));
  await seedReleases(stores.releases, 3, "bench");
  const scenarios = [
    { replicas: 1, perMinute: LIMIT_PER_S * 60, what: "1 replica, the whole limit" },
    { replicas: 3, perMinute: (LIMIT_PER_S * 60) / 3, what: "3 replicas, a third each" },
    { replicas: 3, perMinute: LIMIT_PER_S * 60, what: "3 replicas, the whole limit each" },
  ];
  fake.postOptions.latencyMs = 30;
  const lines = [
    "| scenario | wall time | floor | time / floor | posts (rows) | duplicates | 429s |",
    "|---|---|---|---|---|---|---|",
  ];
  let previous: string[] = [];
  await first.stop();
  for (const [s, scenario] of scenarios.entries()) {
    const channels = Array.from({ length: TARGETS }, (_, i) => `CB${s}X${i}`);
    const ids = await seedSubscriptions(stores.subscriptions, channels);
    await setEnabled(stores.subscriptions, previous, false);
    await setEnabled(stores.subscriptions, ids, true);
    previous = ids;
    const replicas = await Promise.all(
      Array.from({ length: scenario.replicas }, (_, i) =>
        launch(`fanout-${s}-${i}`, env(url, { SLACK_POSTS_PER_MINUTE: String(Math.floor(scenario.perMinute)) })),
      ),
    );
    // Each scenario starts with an empty window: the platform's 429s are counted from here.
    await new Promise((r) => setTimeout(r, 1100));
    fake.postOptions.limit = { count: LIMIT_PER_S, perMs: 1000 };
    fake.rateLimited = 0;
    const before = fake.posts.length;
    const t0 = performance.now();
    for (const r of replicas) r.child.kill("SIGUSR2");
    const wanted = new Set(ids);
    let states = "";
    for (const deadline = Date.now() + 180_000; ; ) {
      const rows = (await stores.ledger.list({ limit: TARGETS * 2 })).filter((r) => wanted.has(r.subscriptionId));
      const done = rows.filter((r) => r.state === "posted" || r.state === "failed");
      states = `${rows.filter((r) => r.state === "posted").length} posted, ${rows.filter((r) => r.state === "failed").length} failed`;
      if (done.length === TARGETS || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const ms = performance.now() - t0;
    const posts = fake.posts.slice(before);
    const keys = new Map<string, number>();
    for (const p of posts) keys.set(p.key ?? "", (keys.get(p.key ?? "") ?? 0) + 1);
    const dups = [...keys.values()].filter((n) => n > 1).length;
    const floor = ((TARGETS - LIMIT_PER_S) / LIMIT_PER_S) * 1000;
    lines.push(
      `| ${scenario.what} | ${(ms / 1000).toFixed(1)} s | ${(floor / 1000).toFixed(1)} s | ${(ms / floor).toFixed(2)} | ${posts.length} (${states}) | ${dups} | ${fake.rateLimited} |`,
    );
    console.log(lines.at(-1));
    await Promise.all(replicas.map((r) => r.stop()));
    fake.postOptions.limit = undefined;
  }
  await stores.close();
  return lines;
}

async function acks(pgUrl: string): Promise<string[]> {
  fake.postOptions.latencyMs = 0;
  const sqliteUrl = `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-replicas-")), "db.sqlite")}`;
  const servers: Record<string, Replica> = {};
  for (const [name, url] of [
    ["sqlite", sqliteUrl],
    ["postgres", pgUrl],
  ] as const) {
    servers[name] = await launch(`ack-${name}`, env(url));
    const stores = await openSharedStores(url);
    await seedReleases(stores.releases, 1, `ack-${name}`);
    await stores.close();
  }
  const times: Record<string, number[]> = { sqlite: [], postgres: [] };
  for (let round = -1; round < ROUNDS; round++) {
    for (const name of ["sqlite", "postgres"]) {
      const port = servers[name]!.port;
      const got = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) =>
          postSignedLatest(port, SECRET, fake.responseUrl(`${name}-${round}-${i}`)),
        ),
      );
      // Round -1 warms up (JIT, the first brief), not counted; the briefs of a round are let finish before the next.
      if (round >= 0) times[name]!.push(...got);
      await fake.waitFor(
        () => fake.responses.filter((r) => r.id.startsWith(`${name}-${round}-`)).length >= CONCURRENCY,
        120_000,
      );
    }
  }
  const lines = ["| store | requests | p50 | p90 | p99 | max |", "|---|---|---|---|---|---|"];
  for (const name of ["sqlite", "postgres"]) {
    const s = [...times[name]!].sort((a, b) => a - b);
    lines.push(
      `| ${name} | ${s.length} | ${percentile(s, 50).toFixed(1)} ms | ${percentile(s, 90).toFixed(1)} ms | ${percentile(s, 99).toFixed(1)} ms | ${s.at(-1)!.toFixed(1)} ms |`,
    );
  }
  return lines;
}

const schema = await freshSchema("bench_replicas");
try {
  console.log(`Digest fan-out: ${TARGETS} Slack targets, one part each, workspace limit ${LIMIT_PER_S} posts/s (fake)`);
  const fan = await fanOut(schema.url);
  console.log(
    `\n/nato-brief latest: ${CONCURRENCY} concurrent signed requests × ${ROUNDS} rounds, ack latency (HTTP 200)`,
  );
  const ack = await acks(schema.url);
  console.log(`\n${fan.join("\n")}\n\n${ack.join("\n")}`);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`\nmachine: ${os.cpus().length} CPUs, Node ${process.version}, load average ${load}`);
} finally {
  await Promise.all(running.map((r) => r.stop()));
  await fake.close();
  await schema.drop();
}

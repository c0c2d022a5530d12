/**
 * `npm run bench -- slack-ack`: how fast Slack gets its acknowledgement for `/nato-brief latest` under 200
 * concurrent signed requests, the real app (`src/main.ts`, SQLite file, offline engine with Apertium, brief
 * already cached) beside a bare Bolt app that only acks, in one run. Each server, the fake Slack API and this
 * load generator run in their own process; rounds alternate bare/full so drift hits both alike. Slack's
 * deadline is 3 s; the target is full p99 ≤ 1.5 × bare p99.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile, postSignedLatest } from "./slack-ack/signed-post.js";

const CONCURRENCY = 200;
const ROUNDS = 5;
const SECRET = "bench-signing-secret";
const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

/** Starts `file` under Node with tsx and resolves with the first stdout/stderr line matching `ready`. */
function launch(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RegExpExecArray> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let seen = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = ready.exec(seen);
      if (m) resolve(m);
      if (seen.length > 100_000) seen = seen.slice(-10_000);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}: ${seen.slice(-2000)}`)));
  });
}

async function received(apiUrl: string): Promise<{ id: string; at: number }[]> {
  const res = await fetch(new URL("/_received", apiUrl));
  return ((await res.json()) as { responses: { id: string; at: number }[] }).responses;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function round(port: number, apiUrl: string, tag: string, waitForBriefs: boolean) {
  const sentAt = Date.now();
  const ids = Array.from({ length: CONCURRENCY }, (_, i) => `${tag}-${i}`);
  const acks = await Promise.all(
    ids.map((id) => postSignedLatest(port, SECRET, `${new URL(`/response/${id}`, apiUrl)}`)),
  );
  let delivered: number[] = [];
  if (waitForBriefs) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const got = (await received(apiUrl)).filter((r) => r.id.startsWith(`${tag}-`));
      if (got.length >= CONCURRENCY) {
        delivered = got.map((r) => r.at - sentAt);
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`${tag}: only ${got.length}/${CONCURRENCY} briefs reached response_url`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { acks, delivered };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-slack-"));
  const [, apiUrl] = await launch(["bench/slack-ack/fake-slack.ts"], process.env, /READY (\S+)\n/);
  const env = {
    ...process.env,
    PORT: "0",
    DATABASE_URL: `sqlite:${dir}/db.sqlite`,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_RESPONSE_URL_ORIGINS: new URL(apiUrl!).origin,
    SLACK_APP_TOKEN: "",
    SOURCES_POLL: "false",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    TEAMS_ENABLED: "",
    MICROSOFT_APP_ID: "",
    LOG_LEVEL: "info",
  };
  await new Promise<void>((resolve, reject) => {
    const ingest = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", "ingest", "--file", "samples/breton-defence-industry.fr.txt"],
      { cwd: root, env, stdio: "ignore" },
    );
    ingest.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ingest exited ${code}`))));
  });
  const [, full] = await launch(["src/main.ts"], env, /"msg":"listening"[^\n]*"port":(\d+)/);
  const [, bare] = await launch(["bench/slack-ack/bare-bolt.ts", SECRET, apiUrl!], process.env, /READY (\d+)\n/);
  const ports = { bare: Number(bare), full: Number(full) };

  // Warm-up (not counted): JIT, connection handling, the first brief (Apertium) and its cache.
  await round(ports.full, apiUrl!, "warm-full", true);
  await round(ports.bare, apiUrl!, "warm-bare", false);

  const acks = { bare: [] as number[], full: [] as number[] };
  const delivered: number[] = [];
  const ratios: number[] = [];
  const p99 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      99,
    );
  for (let r = 0; r < ROUNDS; r++) {
    const b = await round(ports.bare, apiUrl!, `bare${r}`, false);
    const f = await round(ports.full, apiUrl!, `full${r}`, true);
    acks.bare.push(...b.acks);
    acks.full.push(...f.acks);
    delivered.push(...f.delivered);
    ratios.push(p99(f.acks) / p99(b.acks));
  }

  const rows = (["bare", "full"] as const).map((mode) => {
    const s = [...acks[mode]].sort((a, b) => a - b);
    return {
      mode,
      n: s.length,
      p50: percentile(s, 50),
      p90: percentile(s, 90),
      p99: percentile(s, 99),
      max: s.at(-1)!,
    };
  });
  const [b, f] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const d = [...delivered].sort((x, y) => x - y);
  console.log(
    `\n/nato-brief latest, ${CONCURRENCY} concurrent signed requests × ${ROUNDS} rounds, ack latency (HTTP 200):`,
  );
  console.log("| app | requests | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(`| ${r.mode} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${fmt(r.max)} |`);
  console.log(`\np99 full / bare = ${(f.p99 / b.p99).toFixed(2)} (target ≤ 1.5); Slack's deadline 3000 ms`);
  const r = [...ratios].sort((x, y) => x - y);
  console.log(
    `per-round p99 ratio: min ${r[0]!.toFixed(2)}, median ${r[Math.floor(r.length / 2)]!.toFixed(2)}, max ${r.at(-1)!.toFixed(2)}`,
  );
  console.log(
    `brief delivered to response_url (full, from round start): p50 ${fmt(percentile(d, 50))}, p99 ${fmt(percentile(d, 99))}, all ${d.length}/${CONCURRENCY * ROUNDS}`,
  );
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`machine: ${os.cpus().length} CPUs, Node ${process.version}, load average ${load}`);
}

try {
  await main();
} finally {
  for (const c of children) c.kill("SIGTERM");
}

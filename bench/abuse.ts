/**
 * `npm run bench -- abuse`: how the server holds up under hostile input (not a pass/fail test).
 * 1. The longest event-loop block while the app answers ONE user text of the worst shape, per entry point (slash
 *    `ask`, `search`, `subscribe`, a DM, pasted release text) at 40 KB, 1 MB and 3 MB. Each case runs in a
 *    process of its own (bench/abuse/one-input.ts), killed after CASE_TIMEOUT_MS.
 * 2. Requests per second the real server (`src/main.ts`, SQLite file, fake Slack in its own process) holds for
 *    signed `/nato-brief help` requests, alone and with 10 % of the traffic malformed (bodies parsing to null,
 *    missing or duplicated fields, numbers where text belongs, broken JSON, bad signatures).
 * 3. How the regex work of every user-text function grows from 25k to 100k characters of each worst shape
 *    (bench/abuse/regex-scaling.ts), and 4. the event-loop blocks of the fuzz suite's inputs (bench/abuse/fuzz-blocks.ts);
 *    both printed before part 2.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { malformedRequest } from "../tests/helpers/slack-malformed.js";
import { slackSignature, slashCommand } from "../tests/helpers/slack-requests.js";
import { printFuzzBlocks } from "./abuse/fuzz-blocks.js";
import { printRegexScaling } from "./abuse/regex-scaling.js";
import { ENTRY_POINTS, SIZES } from "./abuse/shapes.js";

const CASE_TIMEOUT_MS = Number(process.env.ABUSE_CASE_TIMEOUT_MS ?? 30_000);
const REQUESTS = Number(process.env.ABUSE_REQUESTS ?? 3_000);
const CONCURRENCY = 20;
const SECRET = "bench-signing-secret";
const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

function runCase(entry: string, size: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/abuse/one-input.ts", entry, String(size)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), CASE_TIMEOUT_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) {
        resolve(
          signal === "SIGKILL"
            ? `| ${entry} | ${kb(size)} | > ${CASE_TIMEOUT_MS / 1000} s (killed) | – | no answer |`
            : `| ${entry} | ${kb(size)} | – | – | exited ${code}: ${err.trim().split("\n").at(-1)?.slice(0, 100)} |`,
        );
        return;
      }
      const r = JSON.parse(line) as { maxBlockMs: number; totalMs: number; outcome: string };
      resolve(`| ${entry} | ${kb(size)} | ${r.maxBlockMs.toFixed(0)} ms | ${r.totalMs.toFixed(0)} ms | ${r.outcome} |`);
    });
  });
}

const kb = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} KB`);

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

interface Sent {
  body: string;
  contentType: string;
  signature?: string;
}

function post(port: number, req: Sent): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        headers: {
          "content-type": req.contentType,
          "content-length": Buffer.byteLength(req.body),
          "x-slack-request-timestamp": String(ts),
          "x-slack-signature": req.signature ?? slackSignature(SECRET, ts, req.body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    r.on("error", () => resolve(-1));
    r.end(req.body);
  });
}

async function load(port: number, responseBase: string, malformedShare: number) {
  const statuses = new Map<number, number>();
  let next = 0;
  let valid = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= REQUESTS) return;
      const bad = malformedShare > 0 && i % Math.round(1 / malformedShare) === 0;
      const req = bad
        ? malformedRequest(i, `${responseBase}bad-${i}`)
        : slashCommand({ text: "help", responseUrl: `${responseBase}ok-${i}` });
      const status = await post(port, req);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!bad && status === 200) valid++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const alive = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.status === 200,
    () => false,
  );
  const tally = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s < 0 ? "refused" : s}: ${n}`)
    .join(", ");
  return { rps: REQUESTS / seconds, validRps: valid / seconds, tally, alive };
}

async function main() {
  console.log(
    `\n1. Longest event-loop block per user-text entry point (worst shape; case killed after ${CASE_TIMEOUT_MS / 1000} s):`,
  );
  console.log("| entry point | size | longest block | whole answer | outcome |\n|---|---|---|---|---|");
  const only = process.env.ABUSE_ENTRIES?.split(",");
  const parts = process.env.ABUSE_PARTS?.split(",") ?? ["1", "2", "3", "4"];
  for (const entry of ENTRY_POINTS.filter((e) => parts.includes("1") && (!only || only.includes(e)))) {
    for (const size of SIZES) console.log(await runCase(entry, size));
  }
  if (parts.includes("3")) printRegexScaling(process.env.ABUSE_FUNCTIONS?.split(","));
  if (parts.includes("4")) await printFuzzBlocks();

  if (!parts.includes("2")) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-abuse-"));
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
    // info, as in production: the "listening" line says the port.
    LOG_LEVEL: "info",
  };
  const responseBase = new URL("/response/", apiUrl).href;
  console.log(
    `\n2. Signed /nato-brief help, ${REQUESTS} requests, ${CONCURRENCY} at a time, real server (src/main.ts):`,
  );
  console.log(
    "| traffic | requests/s (all) | valid answered/s | statuses | server alive after |\n|---|---|---|---|---|",
  );
  for (const share of [0, 0.1]) {
    const [, port] = await launch(["src/main.ts"], env, /"msg":"listening"[^\n]*"port":(\d+)/).catch((err) => {
      throw err;
    });
    await load(Number(port), responseBase, 0); // warm-up, not counted
    const r = await load(Number(port), responseBase, share);
    const label = share === 0 ? "all valid" : `${share * 100} % malformed`;
    console.log(
      `| ${label} | ${r.rps.toFixed(0)} | ${r.validRps.toFixed(0)} | ${r.tally} | ${r.alive ? "yes" : "no"} |`,
    );
    children.at(-1)?.kill("SIGTERM");
  }
  const loadAvg = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`\nmachine: ${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAvg}`);
}

try {
  await main();
} finally {
  for (const c of children) c.kill("SIGTERM");
}

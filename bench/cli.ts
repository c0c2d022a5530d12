/**
 * Start-up of the command line: the whole process, from spawn to exit, of `nato-brief help`, `nato-brief list`
 * and `nato-brief show ID` (a stored brief), each beside `node -e 0` in the same round so a loaded machine shows
 * as a ratio. For comparison: the same through `npx`, and `npm run --silent cli --` (the TypeScript sources
 * through tsx). Run: npm run bench -- cli (BENCH_RUNS=N rounds, default 15; NATO_CORPUS_DIR as for the others).
 * BENCH_BASELINE_DIR=PATH adds the same commands of another checkout's compiled build (`node PATH/dist/src/cli.js`,
 * e.g. the code before a change, built with `npx tsc -p tsconfig.build.json`), measured in the same rounds.
 *
 * Data: a fresh SQLite store holding the 40 releases of the shared corpus (../shared/corpus) and the bundled
 * sample; `show` shows the sample, whose brief is stored by a warm-up run (a cache hit, as a user's second look).
 * Definition: wall time, median of the rounds; ratio = that command's time / `node -e 0`'s in the same round,
 * median of the rounds. Targets (issue 14): help ≤ 0.5 s, list ≤ 0.5 s, show ≤ 0.8 s.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildState } from "../bin/build-stamp.mjs";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/core/ports/logger.port.js";

const root = path.resolve(import.meta.dirname, "..");
const corpusDir = process.env.NATO_CORPUS_DIR ?? path.resolve(root, "../shared/corpus");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cli-"));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dir}/cli.db`,
  OPENAI_API_KEY: "",
  OPENAI_BASE_URL: "",
  LOG_LEVEL: "warn",
};

if (buildState() !== "fresh") {
  console.log("building dist/ first (npm run build)");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

// The store: the corpus and the sample, then the sample's brief once (so `show` is a cache hit).
const app = await createApp(loadConfig(env, { dotenvPath: false }), silentLogger);
let stored = 0;
for (const f of fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")) : []) {
  await app.ingest.fromText(fs.readFileSync(path.join(corpusDir, f), "utf8"));
  stored++;
}
const sample = await app.ingest.fromText(
  fs.readFileSync(path.join(root, "samples/breton-defence-industry.fr.txt"), "utf8"),
);
await app.close();
const id = sample.release.id;
const bin = path.join(root, "bin/nato-brief.mjs");
const coldShow = time(process.execPath, [bin, "show", id]);

type Row = { name: string; cmd: string; args: string[]; target?: number };
const rows: Row[] = [
  { name: "node -e 0", cmd: process.execPath, args: ["-e", "0"] },
  { name: "nato-brief help", cmd: process.execPath, args: [bin, "help"], target: 0.5 },
  { name: "nato-brief list", cmd: process.execPath, args: [bin, "list"], target: 0.5 },
  { name: `nato-brief show ID`, cmd: process.execPath, args: [bin, "show", id], target: 0.8 },
  ...baselineRows(),
  { name: "npx nato-brief help", cmd: "npx", args: ["--no-install", "nato-brief", "help"] },
  { name: "npm run --silent cli -- help", cmd: "npm", args: ["run", "--silent", "cli", "--", "help"] },
  { name: "npm run --silent cli -- list", cmd: "npm", args: ["run", "--silent", "cli", "--", "list"] },
];

/** The same three commands run by another checkout's compiled CLI (BENCH_BASELINE_DIR), if given. */
function baselineRows(): Row[] {
  const base = process.env.BENCH_BASELINE_DIR;
  if (!base) return [];
  const cli = path.join(base, "dist/src/cli.js");
  if (!fs.existsSync(cli))
    throw new Error(`BENCH_BASELINE_DIR: no ${cli} (build it with npx tsc -p tsconfig.build.json)`);
  return [
    { name: "baseline: help", cmd: process.execPath, args: [cli, "help"] },
    { name: "baseline: list", cmd: process.execPath, args: [cli, "list"] },
    { name: "baseline: show ID", cmd: process.execPath, args: [cli, "show", id] },
  ];
}

function time(cmd: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return seconds;
}

// Warm-up (file cache, npm's own cache), not counted.
for (const r of rows) time(r.cmd, r.args);
const times = new Map<string, number[]>(rows.map((r) => [r.name, []]));
const ratios = new Map<string, number[]>(rows.map((r) => [r.name, []]));
for (let round = 0; round < RUNS; round++) {
  const base = time(rows[0]!.cmd, rows[0]!.args);
  times.get(rows[0]!.name)!.push(base);
  for (const r of rows.slice(1)) {
    const t = time(r.cmd, r.args);
    times.get(r.name)!.push(t);
    ratios.get(r.name)!.push(t / base);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = os.loadavg().map((l) => l.toFixed(1));
console.log(
  `CLI start-up, ${RUNS} rounds; store: ${stored} corpus releases + the sample (${corpusDir}); ` +
    `${os.cpus().length} cores, load average ${load.join(" ")}, Node ${process.version}`,
);
console.log("command                          median    min      max      ÷ node -e 0   target");
for (const r of rows) {
  const t = times.get(r.name)!;
  const ratio = r.name === "node -e 0" ? "1" : median(ratios.get(r.name)!).toFixed(1);
  const verdict = r.target === undefined ? "" : `${r.target} s ${median(t) <= r.target ? "met" : "NOT met"}`;
  console.log(
    `${r.name.padEnd(32)} ${fmt(median(t))}  ${fmt(Math.min(...t))}  ${fmt(Math.max(...t))}  ${ratio.padStart(11)}   ${verdict}`,
  );
}
console.log(`(first show of the sample, briefing it with Apertium: ${fmt(coldShow)}, once)`);

function fmt(s: number): string {
  return `${s.toFixed(3)} s`.padStart(7);
}

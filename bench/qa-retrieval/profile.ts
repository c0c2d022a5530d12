/**
 * The bench's whole retrieval again, on a file it kept (QA_RETRIEVAL_KEEP): opens the SQLite file, loads the index
 * from its snapshot (not rebuilt), asks the bench's 400 questions of that size through `Retriever.retrieve` (after
 * the same 20 warm-up questions) and prints p50/p95/total, wall and CPU. Run it alternately on two versions of the
 * code (same file) to compare them, or under `node --cpu-prof` / valgrind to see where the time goes.
 * `--dump FILE` writes every retrieval's result (matches, passages with their scores, unmatched sentences) as JSON
 * lines, so two versions can be shown to retrieve byte-identical results; `--repeat K` asks the questions K times;
 * `--cpu-prof OUT` writes a V8 CPU profile of the timed questions only (not the set-up), for Chrome DevTools;
 * `--questions FILE` reads the questions from FILE, or draws them and writes them there (drawing them generates the
 * corpus again: a few seconds, and minutes under valgrind);
 * `--rebuild` builds the index from the store, as the bench does (its words' stems are then memoised and every
 * posting list decoded before the first question), instead of loading the snapshot as a fresh server or CLI does.
 * node --import tsx bench/qa-retrieval/profile.ts [FILE] [--dump OUT] [--repeat K] [--cpu-prof OUT] [--rebuild] [--questions FILE]
 * (FILE defaults to $QA_RETRIEVAL_KEEP/qa-retrieval-10000.db)
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { LANGS, type Lang } from "../../src/core/domain/language.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { QaIndexer } from "../../src/core/qa/qa-indexer.js";
import { type Retrieval, Retriever } from "../../src/core/qa/retriever.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { benchQuestions, draft, QUESTION_BODIES, type QuestionBody, questionBody, reseed } from "./corpus.js";

const QUERIES = 400;
const WARM_UP = 20;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dump: { type: "string" },
    repeat: { type: "string", default: "1" },
    "cpu-prof": { type: "string" },
    rebuild: { type: "boolean", default: false },
    questions: { type: "string" },
  },
});
const keep = process.env.QA_RETRIEVAL_KEEP;
const file = positionals[0] ?? (keep ? path.join(keep, "qa-retrieval-10000.db") : undefined);
if (!file || !fs.existsSync(file)) {
  console.error(
    "usage: profile.ts FILE [--dump OUT] [--repeat K] (or QA_RETRIEVAL_KEEP=DIR with qa-retrieval-10000.db)",
  );
  process.exit(2);
}

const db = openDatabase(file);
const store = new SqliteReleaseStore(db);
const n = await store.countReleases();
const questions =
  values.questions && fs.existsSync(values.questions) ? readQuestions(values.questions) : drawQuestions();
if (values.questions && !fs.existsSync(values.questions)) fs.writeFileSync(values.questions, JSON.stringify(questions));

/** The bench's questions: drawn after its corpus of that size, so the corpus is generated again (not stored). */
function drawQuestions(): { lang: Lang; text: string }[] {
  reseed();
  const bodies: QuestionBody[] = [];
  for (let i = 0; i < n; i++) {
    const d = draft(i);
    if (bodies.length < QUESTION_BODIES) bodies.push(questionBody(d));
  }
  return benchQuestions(bodies, QUERIES);
}

function readQuestions(from: string): { lang: Lang; text: string }[] {
  return JSON.parse(fs.readFileSync(from, "utf8")) as { lang: Lang; text: string }[];
}

const indexer = new QaIndexer(new MiniSearchIndex(), store, silentLogger, {
  translations: new SqliteReleaseTranslations(db),
  snapshots: new SqliteQaSnapshots(db),
});
const loadStart = performance.now();
if (values.rebuild) await indexer.rebuild();
else await indexer.whenReady(LANGS);
const loadMs = performance.now() - loadStart;
if (!values.rebuild && indexer.counts.rebuilds > 0)
  console.error("warning: the index was rebuilt, not loaded from its snapshot");
const retriever = new Retriever({ indexer, store, logger: silentLogger });
for (const q of questions.slice(0, WARM_UP)) await retriever.retrieve({ text: q.text, lang: q.lang });

const out = values.dump ? fs.openSync(values.dump, "w") : undefined;
const profiler = values["cpu-prof"] ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.setSamplingInterval", { interval: 200 });
  await profiler.post("Profiler.start");
}
const wall: number[] = [];
const cpu: number[] = [];
const started = performance.now();
for (let round = 0; round < Number(values.repeat); round++) {
  for (const [i, q] of questions.entries()) {
    const usage = process.cpuUsage();
    const t = performance.now();
    const r = await retriever.retrieve({ text: q.text, lang: q.lang });
    wall.push(performance.now() - t);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
    if (out !== undefined && round === 0) fs.writeSync(out, `${JSON.stringify(dumped(i, q.text, r))}\n`);
  }
}
const totalMs = performance.now() - started;
if (profiler) {
  const { profile } = await profiler.post("Profiler.stop");
  fs.writeFileSync(values["cpu-prof"]!, JSON.stringify(profile));
  profiler.disconnect();
}
if (out !== undefined) fs.closeSync(out);
await store.close();

function dumped(i: number, question: string, r: Retrieval) {
  const digest = (text: string) => createHash("sha1").update(text).digest("hex");
  return {
    i,
    question,
    query: r.query,
    matches: r.matches,
    weights: [...r.weights],
    passages: r.passages,
    unmatched: r.unmatched?.map((p) => p.id),
    texts: [...(r.texts ?? [])].map(([id, text]) => [id, digest(text)]),
  };
}

function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
const w = percentiles(wall);
const c = percentiles(cpu);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `${n} releases, index ${values.rebuild ? "rebuilt" : "loaded"} in ${loadMs.toFixed(0)} ms; ${wall.length} retrievals: wall p50 ${w.p50.toFixed(2)} p95 ${w.p95.toFixed(2)} ms, ` +
    `CPU p50 ${c.p50.toFixed(2)} p95 ${c.p95.toFixed(2)} ms; total ${totalMs.toFixed(0)} ms (CPU ${sum(cpu).toFixed(0)} ms)`,
);

/**
 * The bench's whole retrieval again, on a file it kept (QA_RETRIEVAL_KEEP): opens the SQLite file, loads the index
 * from its snapshot (not rebuilt), asks the bench's 400 questions of that size through `Retriever.retrieve` (after
 * the same 20 warm-up questions) and prints p50/p95/total, wall and CPU. Run it alternately on two versions of the
 * code (same file) to compare them, or under `node --cpu-prof` / valgrind to see where the time goes.
 * `--dump FILE` writes every retrieval's result (matches, passages with their scores, unmatched sentences) as JSON
 * lines, so two versions can be shown to retrieve byte-identical results; `--repeat K` asks the questions K times.
 * node --import tsx bench/qa-retrieval/profile.ts [FILE] [--dump OUT] [--repeat K]
 * (FILE defaults to $QA_RETRIEVAL_KEEP/qa-retrieval-10000.db)
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { LANGS } from "../../src/core/domain/language.js";
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
  options: { dump: { type: "string" }, repeat: { type: "string", default: "1" } },
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
// The bench's questions: drawn after its corpus of that size, so the corpus is generated again (not stored).
reseed();
const bodies: QuestionBody[] = [];
for (let i = 0; i < n; i++) {
  const d = draft(i);
  if (bodies.length < QUESTION_BODIES) bodies.push(questionBody(d));
}
const questions = benchQuestions(bodies, QUERIES);

const indexer = new QaIndexer(new MiniSearchIndex(), store, silentLogger, {
  translations: new SqliteReleaseTranslations(db),
  snapshots: new SqliteQaSnapshots(db),
});
const loadStart = performance.now();
await indexer.whenReady(LANGS);
const loadMs = performance.now() - loadStart;
if (indexer.counts.rebuilds > 0) console.error("warning: the index was rebuilt, not loaded from its snapshot");
const retriever = new Retriever({ indexer, store, logger: silentLogger });
for (const q of questions.slice(0, WARM_UP)) await retriever.retrieve({ text: q.text, lang: q.lang });

const out = values.dump ? fs.openSync(values.dump, "w") : undefined;
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
  `${n} releases, index loaded in ${loadMs.toFixed(0)} ms; ${wall.length} retrievals: wall p50 ${w.p50.toFixed(2)} p95 ${w.p95.toFixed(2)} ms, ` +
    `CPU p50 ${c.p50.toFixed(2)} p95 ${c.p95.toFixed(2)} ms; total ${totalMs.toFixed(0)} ms (CPU ${sum(cpu).toFixed(0)} ms)`,
);

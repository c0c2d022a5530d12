/**
 * Q&A retrieval at scale: MiniSearch index over 1,000 and 10,000 generated releases (English and French, a fifth
 * with NATO's counterpart, the others with a stored offline translation of the same size), stored in SQLite.
 * Measures the index rebuild from the store, the index's heap, the snapshot (size, save, a cold start that loads it
 * and answers in a fresh process, and the CLI's `ask` end to end), and retrieval latency p50/p95: the index search
 * alone, and the whole retrieval of an answer (index + releases read back from SQLite + passage ranking; no machine
 * translation, which is Apertium's time, not the index's).
 * Run: npm run bench -- qa-retrieval (1,000 and 10,000); other sizes: node --import tsx --expose-gc bench/qa-retrieval.ts N…
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LANGS } from "../src/core/domain/language.js";
import { silentLogger } from "../src/core/ports/logger.port.js";
import { QaIndexer } from "../src/core/qa/qa-indexer.js";
import { Retriever } from "../src/core/qa/retriever.js";
import { MiniSearchIndex } from "../src/infra/qa/minisearch-index.js";
import { openDatabase } from "../src/infra/store/sqlite.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../src/infra/store/sqlite-release-store.js";
import {
  benchQuestions,
  draft,
  QUESTION_BODIES,
  type QuestionBody,
  questionBody,
  reseed,
  syntheticTranslation,
} from "./qa-retrieval/corpus.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = 5;

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const QUERIES = 400;

function heapMiB(): number {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Median of `RUNS` runs of a command (after one warm-up), wall milliseconds. */
function medianWall(command: string, args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string[] } {
  const times: number[] = [];
  const stdout: string[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(command, args, { env, cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
    if (i > 0) times.push(performance.now() - t);
    if (i > 0) stdout.push(r.stdout);
  }
  return { ms: percentiles(times).p50, stdout };
}

async function run(n: number) {
  // The same corpus and questions for a size whichever sizes ran before it in this process.
  reseed();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qa-retrieval-")), "bench.db");
  const db = openDatabase(file);
  const store = new SqliteReleaseStore(db);
  const translations = new SqliteReleaseTranslations(db);
  const snapshots = new SqliteQaSnapshots(db);
  const stored = Date.now();
  const bodies: QuestionBody[] = [];
  for (let i = 0; i < n; i++) {
    const d = draft(i);
    const { release } = await store.saveRelease(d);
    const translation = syntheticTranslation(release);
    if (translation) await translations.save(translation);
    if (bodies.length < QUESTION_BODIES) bodies.push(questionBody(d));
  }
  const storeMs = Date.now() - stored;

  const before = heapMiB();
  const indexer = new QaIndexer(new MiniSearchIndex(), store, silentLogger, { translations, snapshots });
  const rebuild = await indexer.rebuild();
  const indexMiB = heapMiB() - before;
  const rebuildAgain = await indexer.rebuild();
  const saveStart = performance.now();
  await indexer.persist();
  const saveMs = Math.round(performance.now() - saveStart);
  // One change since: a release's stored translation made again changes one side only, the only one saved again.
  const changed = (await store.listReleases({ limit: 10 })).find((r) => LANGS.some((l) => !r.texts[l]));
  const other = changed && LANGS.find((l) => !changed.texts[l]);
  const translation = changed && other ? await translations.get(changed.id, other) : undefined;
  let oneSideMs: number | undefined;
  if (translation) {
    await translations.save({ ...translation, sentences: [...translation.sentences, "One sentence more."] });
    await indexer.onTranslationSaved(translation.releaseId);
    const started = performance.now();
    await indexer.persist();
    oneSideMs = Math.round(performance.now() - started);
  }
  const snapshotMiB =
    (((await snapshots.load("en"))?.data.length ?? 0) + ((await snapshots.load("fr"))?.data.length ?? 0)) / 2 ** 20;
  // What `npm start` does without a snapshot: the same build in slices that yield to the event loop.
  const sliced = new QaIndexer(new MiniSearchIndex(), store, silentLogger, { translations });
  const slicedStart = performance.now();
  await sliced.warmUp();
  const warmUpMs = Math.round(performance.now() - slicedStart);

  // Questions: a few words of a stored release (what people ask about), and a fifth with words of no release.
  const questions = benchQuestions(bodies, QUERIES);
  const retriever = new Retriever({ indexer, store, logger: silentLogger });
  for (const q of questions.slice(0, 20)) await retriever.retrieve({ text: q.text, lang: q.lang });

  const searchMs: number[] = [];
  const bothMs: number[] = [];
  const searchCpuMs: number[] = [];
  const retrieveMs: number[] = [];
  const retrieveCpuMs: number[] = [];
  let found = 0;
  // Each measure in a pass of its own over the 400 questions: the full retrieval first, then the index search on the
  // question's side, then on both sides.
  for (const q of questions) {
    // CPU time too: on a shared machine, wall time also counts the other processes' turns.
    const retrieveCpu = process.cpuUsage();
    const t = performance.now();
    await retriever.retrieve({ text: q.text, lang: q.lang });
    retrieveMs.push(performance.now() - t);
    const usedRetrieving = process.cpuUsage(retrieveCpu);
    retrieveCpuMs.push((usedRetrieving.user + usedRetrieving.system) / 1000);
  }
  for (const q of questions) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    // What a question searches first: its own language's side (every release is there, translated or not).
    const hits = indexer.index.searchReleases({ texts: [q.text], limit: 10, sides: [q.lang] });
    searchMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    searchCpuMs.push((used.user + used.system) / 1000);
    if (hits.length > 0) found++;
  }
  for (const q of questions) {
    const t = performance.now();
    indexer.index.searchReleases({ texts: [q.text], limit: 10 });
    bothMs.push(performance.now() - t);
  }
  // A cold start in a fresh process: the snapshot loaded (not rebuilt) and one question answered offline.
  const asked = questions[0]!;
  const cold = medianWall(
    process.execPath,
    ["--import", "tsx", "bench/qa-retrieval/cold-start.ts", file, asked.text, asked.lang],
    process.env,
  );
  const runs = cold.stdout.map((out) => JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>);
  const median = (key: string) => Math.round(percentiles(runs.map((x) => Number(x[key]))).p50);
  const coldStart = {
    loadMs: median("loadMs"),
    answerMs: median("answerMs"),
    firstAnswerMs: median("firstAnswerMs"),
    status: runs[0]?.status,
    counts: runs[0]?.counts,
  };
  // The command line end to end, as a user runs it (the compiled build; offline translation on, as by default).
  const cliEnv = { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn" };
  const cli = medianWall(process.execPath, ["bin/nato-brief.mjs", "ask", asked.text], cliEnv);
  const search = percentiles(searchMs);
  const both = percentiles(bothMs);
  const searchCpu = percentiles(searchCpuMs);
  const retrieve = percentiles(retrieveMs);
  const retrieveCpu = percentiles(retrieveCpuMs);
  const docs = indexer.index.documentCount;
  await store.close();
  const keep = process.env.QA_RETRIEVAL_KEEP;
  if (keep) {
    // The file as the CLI line used it, and the question it asked: to time or profile `ask` again without the bench.
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(file, path.join(keep, `qa-retrieval-${n}.db`));
    fs.writeFileSync(path.join(keep, `qa-retrieval-${n}.question.txt`), `${asked.text}\n`);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return {
    n,
    docs,
    storeMs,
    rebuildMs: rebuild.ms,
    rebuildAgainMs: rebuildAgain.ms,
    warmUpMs,
    indexMiB,
    saveMs,
    oneSideMs,
    snapshotMiB,
    coldStart,
    coldWallMs: cold.ms,
    cliMs: cli.ms,
    search,
    both,
    searchCpu,
    retrieve,
    retrieveCpu,
    found,
  };
}

const results = [];
for (const n of sizes.length > 0 ? sizes : [1_000, 10_000]) {
  const r = await run(n);
  results.push(r);
  console.log(
    `${n} releases (${r.docs} index documents): rebuild from store ${r.rebuildMs} ms (again ${r.rebuildAgainMs} ms, sliced ${r.warmUpMs} ms), ` +
      `index heap ${r.indexMiB.toFixed(1)} MiB; search p50 ${r.search.p50.toFixed(2)} ms p95 ${r.search.p95.toFixed(2)} ms ` +
      `(CPU p50 ${r.searchCpu.p50.toFixed(2)} p95 ${r.searchCpu.p95.toFixed(2)} ms; both sides p50 ${r.both.p50.toFixed(2)} p95 ${r.both.p95.toFixed(2)} ms); ` +
      `full retrieval p50 ${r.retrieve.p50.toFixed(2)} ms p95 ${r.retrieve.p95.toFixed(2)} ms (CPU p50 ${r.retrieveCpu.p50.toFixed(2)} p95 ${r.retrieveCpu.p95.toFixed(2)} ms) ` +
      `(${QUERIES} questions, ${r.found} with hits; storing took ${r.storeMs} ms)`,
  );
  console.log(
    `  snapshot ${r.snapshotMiB.toFixed(1)} MiB saved in ${r.saveMs} ms (after one translation changed: ${r.oneSideMs} ms, its side only); cold start (fresh process, median of ${RUNS}): ` +
      `${JSON.stringify(r.coldStart)}, process wall ${r.coldWallMs.toFixed(0)} ms; CLI ask end to end ${r.cliMs.toFixed(0)} ms`,
  );
}
if (!globalThis.gc) console.log("(heap figures need --expose-gc: run through `npm run bench -- qa-retrieval`)");
const big = results.find((r) => r.n === 10_000);
if (big) {
  console.log(
    // "Retrieval" read both ways: the index search alone, and the whole retrieval of an answer's passages.
    `target at 10,000: retrieval p95 ≤ 10 ms → search ${big.search.p95 <= 10 ? "met" : "MISSED"}, both sides ${big.both.p95 <= 10 ? "met" : "MISSED"}, ` +
      `full retrieval ${big.retrieve.p95 <= 10 ? "met" : "MISSED"}; index ≤ 200 MB → ${big.indexMiB <= 200 ? "met" : "MISSED"}; ` +
      `first answer after a cold start ≤ 1 s → ${Number(big.coldStart.firstAnswerMs) <= 1000 ? "met" : "MISSED"}; ` +
      `CLI ask ≤ 1.5 s → ${big.cliMs <= 1500 ? "met" : "MISSED"}`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

/**
 * Q&A quality across languages. Run: npm run bench -- qa-quality   (flags after `--`: --verbose lists the misses,
 * --set dev|held-out|all, default all, or one file: dev-1|…|dev-8|held-out-1|…|held-out-8; dev =
 * dev.json + dev-2.json + … + dev-8.json;
 * --only ID,ID asks just those questions of the selection, every release still stored;
 * --model-reading wide|checked, default wide: what the oracle model is given (QA_MODEL_READING, README);
 * --replies FILE writes every reply whole, one JSON line per question and mode (two runs' files compare a change that
 *   must leave the answers as they were: `diff` them);
 * --explain: with --only, prints what decided each offline answer (the service's "answer selection" debug line);
 * --eager: the oracle answers every question, from the first passage with a figure when the expected one is not
 *   given (a model that does not decline: its "declined" is what the answer check stops; see oracle.ts);
 * the held-out questions are for final figures only, never for tuning).
 * Stores the releases of bench/qa-quality/releases.json and of $NATO_CORPUS_DIR (../shared/corpus, each stored in
 * one language, alternately EN/FR; set 1's files alone store set 1's releases, see data.ts) in a fresh SQLite store through the app's ingest and store, builds the app's
 * Q&A service (src/app.ts), and asks every question through QaService.ask twice: OFFLINE (no model: extractive
 * answers, Apertium) and with an ORACLE model (bench/qa-quality/oracle.ts, a fake OpenAI server on 127.0.0.1).
 * Definitions (the matching rule is in bench/qa-quality/score.ts):
 *   answered  = of the answerable questions, the reply cites the expected release and contains the expected
 *               quote (normalised) in a language the release is stored in;
 *   declined  = of the unanswerable questions, the reply is "no answer";
 *   retrieved = (oracle only) of the answerable questions, a passage holding the quote was among those given to
 *               the model; the oracle declines every unanswerable question, so its "declined" only shows that nothing
 *               overrides a model's refusal, and "traps sent to the model" how many traps retrieval let through;
 *   pair      = question language - release's original language; "(both)" marks a release stored with NATO's
 *               counterpart; cross-language = the question's language is not one the release is stored in.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Lang } from "../src/core/domain/language.js";
import type { ReleaseDraft } from "../src/core/domain/release.js";
import { draftFromText } from "../src/core/ingest/from-text.js";
import { contentHash } from "../src/core/ingest/index.js";
import { type Logger, silentLogger } from "../src/core/ports/logger.port.js";
import { startFakeOpenAi } from "../tests/fakes/fake-openai-server.js";
import {
  type EvalRelease,
  filesOf,
  loadQuestions,
  loadReleases,
  type Question,
  releasesFor,
  SELECTION_NAMES,
  validate,
} from "./qa-quality/data.js";
import { Oracle } from "./qa-quality/oracle.js";
import { type Expected, judge, type Verdict } from "./qa-quality/score.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const setArg = args.includes("--set") ? args[args.indexOf("--set") + 1] : "all";
const files = filesOf(setArg ?? "");
if (!files) {
  console.error(`--set takes ${SELECTION_NAMES.join(", ")}`);
  process.exit(2);
}
const corpusDir = process.env.NATO_CORPUS_DIR ?? path.resolve(import.meta.dirname, "..", "..", "shared", "corpus");
const allReleases = loadReleases(corpusDir);
const allQuestions = loadQuestions();
validate(allReleases, allQuestions);
const releases = releasesFor(allReleases, files);
// `--only ID,ID`: just those questions of the selection (a miss looked at alone); every release is still stored.
const only = args.includes("--only") ? new Set((args[args.indexOf("--only") + 1] ?? "").split(",")) : undefined;
const eager = args.includes("--eager");
const explain = args.includes("--explain");
const repliesFile = args.includes("--replies") ? args[args.indexOf("--replies") + 1] : undefined;
if (args.includes("--replies") && !repliesFile) {
  console.error("--replies takes a file name");
  process.exit(2);
}
if (repliesFile) fs.writeFileSync(repliesFile, "");
const modelReading = args.includes("--model-reading") ? args[args.indexOf("--model-reading") + 1] : "wide";
if (modelReading !== "wide" && modelReading !== "checked") {
  console.error("--model-reading takes wide or checked");
  process.exit(2);
}
const questions = allQuestions.filter((q) => files.includes(q.file) && (!only || only.has(q.id)));
const byId = new Map(releases.map((r) => [r.id, r]));

interface Outcome {
  q: Question;
  verdict: Verdict;
  retrieved?: boolean | undefined;
  /** Oracle only: the model was asked at all (retrieval found passages worth sending). */
  sent?: boolean | undefined;
  /** Oracle only: prompt tokens of the question's answer request (undefined when the model was not asked). */
  promptTokens?: number | undefined;
  got: string;
  engine: string;
  /** The reply whole, with its citations (`--replies`). */
  reply: { status: string; text: string; citations: unknown };
}

const toText = (t: { title: string; paragraphs: string[] }) => [t.title, ...t.paragraphs].join("\n\n");

async function run(mode: "offline" | "oracle"): Promise<Outcome[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-qa-quality-"));
  const oracle = new Oracle(eager);
  const fake = mode === "oracle" ? await startFakeOpenAi() : undefined;
  if (fake) fake.fallback = oracle.behaviour;
  const env: Record<string, string> = { DATABASE_URL: `sqlite:${dir}/q.db`, QA_RATE_LIMIT_PER_HOUR: "10000" };
  if (fake)
    Object.assign(env, {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: "bench",
      OPENAI_MAX_RETRIES: "0",
      QA_MODEL_READING: modelReading,
    });
  const logger = explain && mode === "offline" ? explainLogger() : silentLogger;
  const app = await createApp(loadConfig(env, { dotenvPath: false }), logger);
  const stored = new Map<string, string>();
  for (const r of releases) stored.set(r.id, await store(app, r));
  await app.qa.indexer.ensureReady();
  // Releases are stored long before anyone asks about them: the offline translation of each one-language release
  // (queued when it was saved, issue 12) is done before the first question, as it would be in use.
  const translating = performance.now();
  await app.qa.translations?.idle();
  await app.qa.indexer.idle();
  if (verbose)
    console.log(`  (${mode}) stored translations ready in ${Math.round(performance.now() - translating)} ms`);
  const out: Outcome[] = [];
  for (const [i, q] of questions.entries()) {
    const ctx = { userKey: `u${i}`, conversationKey: `c${i}-${mode}`, language: q.lang };
    const expected = expectation(q, stored);
    for (const turn of q.before ?? []) {
      oracle.turn = { expected, anyPassageOfRelease: true };
      await app.qa.service.ask(turn, ctx);
    }
    oracle.turn = { expected };
    const answer = await app.qa.service.ask(q.q, ctx);
    out.push({
      q,
      verdict: judge(answer, expected),
      retrieved: fake && expected ? oracle.turn.retrieved === true : undefined,
      sent: fake ? oracle.turn.given !== undefined : undefined,
      promptTokens: oracle.turn.promptTokens,
      got: `[${answer.status}/${answer.engine}] ${answer.text.replace(/\s+/gu, " ").slice(0, 400)}`,
      engine: answer.engine,
      reply: { status: answer.status, text: answer.text, citations: answer.citations },
    });
  }
  await app.close();
  await fake?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** The service's debug lines of answer selection, printed readable; nothing else. */
function explainLogger(): Logger {
  const logger: Logger = {
    ...silentLogger,
    debug: (msg, fields) => {
      if (msg === "answer selection")
        console.log(`      ${msg} ${JSON.stringify(fields, null, 2).replace(/\n/gu, "\n      ")}`);
    },
    child: () => logger,
    enabled: (level) => level === "debug",
  };
  return logger;
}

/** One-language releases through `ingest` (what `ingest FILE` does); paired ones as the poller stores a pair. */
async function store(app: Awaited<ReturnType<typeof createApp>>, r: EvalRelease): Promise<string> {
  const url = `https://www.nato.int/cps/${r.source}/natohq/bench_${r.id.replace(/\W/gu, "_")}.htm`;
  const langs = Object.keys(r.texts) as Lang[];
  if (langs.length === 1) return (await app.ingest.fromText(toText(r.texts[r.source]!), { url })).release.id;
  const texts: ReleaseDraft["texts"] = {};
  for (const lang of langs) {
    const d = draftFromText(toText(r.texts[lang]!), { url });
    texts[lang] = { ...d.texts[d.sourceLanguage]!, lang, official: true, url: `${url}?selectedLocale=${lang}` };
  }
  const draft: ReleaseDraft = { canonicalUrl: url, contentHash: contentHash(texts), sourceLanguage: r.source, texts };
  if (r.published) draft.published = r.published;
  return (await app.store.saveRelease(draft)).release.id;
}

function expectation(q: Question, stored: Map<string, string>): Expected | undefined {
  if (q.trap !== undefined || !q.release || !q.quote) return undefined;
  return { releaseId: stored.get(q.release)!, quotes: [q.quote, q.quoteOther].filter((x): x is string => !!x) };
}

const pct = (ok: number, n: number) => (n === 0 ? "   –  " : `${((100 * ok) / n).toFixed(1).padStart(5)} %`);
function pairOf(q: Question): string {
  const r = byId.get(q.release ?? "");
  if (!r) return `${q.lang}-?`;
  return `${q.lang}-${r.source}${Object.keys(r.texts).length > 1 ? " (both)" : ""}`;
}
const crossLanguage = (q: Question) => {
  const r = byId.get(q.release ?? "");
  return r ? !(q.lang in r.texts) : undefined;
};

function table(title: string, outcomes: Outcome[], keyOf: (q: Question) => string[]) {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) for (const k of keyOf(o.q)) groups.set(k, [...(groups.get(k) ?? []), o]);
  console.log(`  ${title}`);
  for (const [k, os] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`    ${line(k, os)}`);
}
function line(label: string, os: Outcome[]): string {
  const answerable = os.filter((o) => o.q.trap === undefined);
  const traps = os.filter((o) => o.q.trap !== undefined);
  const ok = answerable.filter((o) => o.verdict === "answered").length;
  const declined = traps.filter((o) => o.verdict === "declined").length;
  const withR = answerable.filter((o) => o.retrieved !== undefined);
  const r = withR.filter((o) => o.retrieved).length;
  const retrieved = withR.length > 0 ? `  retrieved ${pct(r, withR.length)} (${r}/${withR.length})` : "";
  const sentTraps = traps.filter((o) => o.sent).length;
  const sent = traps.some((o) => o.sent !== undefined) ? `  traps sent to the model ${sentTraps}/${traps.length}` : "";
  return (
    `${label.padEnd(22)} answered ${pct(ok, answerable.length)} (${ok}/${answerable.length})` +
    `  declined ${pct(declined, traps.length)} (${declined}/${traps.length})${retrieved}${sent}`
  );
}

/** Median, 95th percentile and largest answer prompt of the questions the model was asked. */
function tokenSpread(outcomes: Outcome[]): string {
  const sizes = outcomes.flatMap((o) => (o.promptTokens === undefined ? [] : [o.promptTokens])).sort((a, b) => a - b);
  if (sizes.length === 0) return "none asked";
  const at = (q: number) => sizes[Math.min(sizes.length - 1, Math.floor(q * sizes.length))];
  return `median ${at(0.5)}, p95 ${at(0.95)}, max ${sizes.at(-1)} (${sizes.length} questions)`;
}

const origin = (q: Question) => byId.get(q.release ?? "")?.origin ?? (q.id.startsWith("c") ? "corpus" : "own");
const answerableN = questions.filter((q) => q.trap === undefined).length;
const cross = questions.filter((q) => crossLanguage(q) === true).length;
console.log(
  `qa-quality: ${releases.length} releases (${releases.filter((r) => r.origin === "own").length} own, ` +
    `${releases.filter((r) => r.origin === "corpus").length} from ${corpusDir}); set ${setArg}: ${questions.length} questions, ` +
    `${answerableN} answerable (${cross} cross-language = ${pct(cross, answerableN).trim()}), ${questions.length - answerableN} unanswerable`,
);
for (const mode of ["offline", "oracle"] as const) {
  const started = performance.now();
  const outcomes = await run(mode);
  if (repliesFile)
    fs.appendFileSync(
      repliesFile,
      outcomes.map((o) => `${JSON.stringify({ id: o.q.id, mode, verdict: o.verdict, ...o.reply })}\n`).join(""),
    );
  const s = ((performance.now() - started) / 1000).toFixed(1);
  const title =
    mode === "offline"
      ? "OFFLINE (no model)"
      : `${eager ? "EAGER ORACLE" : "ORACLE"} model (fake OpenAI server, ${modelReading} reading)`;
  console.log(`\n${title} — ${s} s`);
  console.log(`    ${line("all", outcomes)}`);
  table("per language pair (question-release)", outcomes, (q) => [
    q.trap === undefined ? pairOf(q) : `${q.lang} unanswerable`,
  ]);
  table(
    "real releases (corpus, stored one language each) per language pair",
    outcomes.filter((o) => o.q.trap === undefined && origin(o.q) === "corpus"),
    (q) => [pairOf(q)],
  );
  table("per kind", outcomes, (q) => [q.kind]);
  table("per set", outcomes, (q) => [`${origin(q)}/${q.file}`, q.file]);
  table(
    "per trap",
    outcomes.filter((o) => o.q.trap !== undefined),
    (q) => [q.trap!],
  );
  if (mode === "oracle") {
    const engines = new Map<string, number>();
    for (const o of outcomes) engines.set(o.engine, (engines.get(o.engine) ?? 0) + 1);
    console.log(`  engines of the replies: ${[...engines].map(([e, n]) => `${e} ${n}`).join(", ")}`);
    console.log(`  answer prompt tokens per question asked of the model (o200k_base): ${tokenSpread(outcomes)}`);
  }
  const verdicts = new Map<string, number>();
  for (const o of outcomes.filter((x) => x.q.trap === undefined))
    verdicts.set(o.verdict, (verdicts.get(o.verdict) ?? 0) + 1);
  console.log(`  answerable questions by verdict: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(", ")}`);
  const misses = outcomes.filter((o) => (o.q.trap === undefined ? o.verdict !== "answered" : o.verdict !== "declined"));
  console.log(`  misses: ${misses.length}${verbose ? "" : " (--verbose lists them)"}`);
  if (verbose) {
    for (const o of misses) {
      const exp = o.q.trap === undefined ? `${o.q.release}: «${o.q.quote}»` : `decline (${o.q.trap})`;
      const ret = `${o.retrieved === false ? " not-retrieved" : ""} ${o.verdict}`;
      console.log(
        `    ${o.q.id} [${o.q.file} ${o.q.kind} ${pairOf(o.q)}]${ret} ${o.q.before ? `${o.q.before.join(" / ")} → ` : ""}${o.q.q}`,
      );
      console.log(`        expected ${exp}\n        got ${o.got}`);
    }
  }
}

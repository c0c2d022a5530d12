/**
 * One cold start, in a process of its own: opens the SQLite file, loads the question's side of the Q&A index from
 * its snapshot and
 * answers one question offline (extractive, no MT), then prints JSON timings. Run by bench/qa-retrieval.ts.
 * node --import tsx bench/qa-retrieval/cold-start.ts FILE "QUESTION" LANG
 */
const started = performance.now();
const [file, question, lang] = process.argv.slice(2);
const [
  { openDatabase },
  { SqliteReleaseStore },
  { SqliteQaSnapshots, SqliteReleaseTranslations },
  { createQa, createQaIndex },
] = await Promise.all([
  import("../../src/infra/store/sqlite.js"),
  import("../../src/infra/store/sqlite-release-store.js"),
  import("../../src/infra/store/sqlite-qa-index-store.js"),
  import("../../src/infra/qa/build-qa.js"),
]);
const [{ loadGlossary }, { createTrustTools }, { loadPrompts }, { silentLogger }] = await Promise.all([
  import("../../src/infra/offline/glossary.js"),
  import("../../src/infra/trust/trust-tools.js"),
  import("../../src/infra/llm/prompt-loader.js"),
  import("../../src/core/ports/logger.port.js"),
]);
const imported = performance.now();
const db = openDatabase(file!);
const index = createQaIndex(new SqliteReleaseStore(db), silentLogger, {
  translations: new SqliteReleaseTranslations(db),
  snapshots: new SqliteQaSnapshots(db),
});
const glossary = loadGlossary();
const qa = createQa({
  indexer: index.indexer,
  index,
  store: index.store,
  translator: undefined,
  glossary,
  trust: createTrustTools(glossary),
  prompts: loadPrompts(),
  limits: { rateLimitPerHour: 100, maxQuestionChars: 500 },
  logger: silentLogger,
});
const opened = performance.now();
// What a question does first: its own language's side of the index (the other loads only if that finds nothing).
await index.indexer.whenReady([lang === "fr" ? "fr" : "en"]);
const loaded = performance.now();
const answer = await qa.service.ask(question!, {
  userKey: "bench",
  conversationKey: "bench",
  language: lang === "fr" ? "fr" : "en",
});
const answered = performance.now();
console.log(
  JSON.stringify({
    importMs: imported - started,
    openMs: opened - imported,
    loadMs: loaded - opened,
    answerMs: answered - loaded,
    firstAnswerMs: answered - imported,
    status: answer.status,
    counts: index.indexer.counts,
  }),
);
db.close();

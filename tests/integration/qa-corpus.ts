import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Release, ReleaseDraft } from "../../src/core/domain/release.js";
import { contentHash, draftFromText } from "../../src/core/ingest/index.js";
import type { Clock } from "../../src/core/ports/clock.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { loadPrompts } from "../../src/infra/llm/prompt-loader.js";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createQa, createQaIndex, type QaOptions } from "../../src/infra/qa/build-qa.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";

/** Test corpus for Q&A: tests/fixtures/qa/releases/NN-slug.{en,fr}.txt; a pair with one stem is one bilingual release. */
export const QA_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/qa");

export interface QaQuestion {
  q: string;
  lang: "en" | "fr";
  release?: string;
}

export interface QaQuestions {
  clock: string;
  known: QaQuestion[];
  crossLanguage: QaQuestion[];
  noAnswer: QaQuestion[];
}

export const questions = JSON.parse(fs.readFileSync(path.join(QA_FIXTURES, "questions.json"), "utf8")) as QaQuestions;
export const fixedClock = (iso = questions.clock): Clock => ({ now: () => new Date(iso) });

/** Drafts of the corpus by stem: the English file is the original of a bilingual pair, the French its counterpart. */
export function corpusDrafts(): Map<string, ReleaseDraft> {
  const dir = path.join(QA_FIXTURES, "releases");
  const byStem = new Map<string, ReleaseDraft>();
  for (const file of fs.readdirSync(dir).sort()) {
    const stem = file.replace(/\.(en|fr)\.txt$/, "");
    const draft = draftFromText(fs.readFileSync(path.join(dir, file), "utf8"));
    const earlier = byStem.get(stem);
    if (!earlier) {
      byStem.set(stem, draft);
      continue;
    }
    const texts = { ...earlier.texts, ...draft.texts };
    byStem.set(stem, { ...earlier, sourceLanguage: "en", texts, contentHash: contentHash(texts) });
  }
  return byStem;
}

/** A fresh in-memory store holding the corpus; `ids` maps each stem to its release id. */
export async function corpusStore(now: () => Date = () => new Date("2025-03-20T10:00:00Z"), withCorpus = true) {
  const db = openDatabase(":memory:");
  const store = new SqliteReleaseStore(db, now);
  const ids = new Map<string, string>();
  const releases = new Map<string, Release>();
  for (const [stem, draft] of withCorpus ? corpusDrafts() : []) {
    const { release } = await store.saveRelease(draft);
    ids.set(stem, release.id);
    releases.set(stem, release);
  }
  return { store, ids, releases, db, logger: silentLogger };
}

const MODES = ["fr-es", "spa-eng", "eng-spa", "es-fr"].map((m) => `/usr/share/apertium/modes/${m}.mode`);
/** Apertium with both pivot pairs, as CI installs it; tests that need it skip without it, saying why. */
export const apertiumInstalled =
  spawnSync("sh", ["-c", "command -v apertium-wblank-mode"]).status === 0 && MODES.every((m) => fs.existsSync(m));
export const APERTIUM_MISSING =
  "Apertium is not installed (apt-get install apertium apertium-fr-es apertium-eng-spa): skipping machine-translation checks";

export interface HarnessOptions {
  /** false: an empty store. */
  corpus?: boolean;
  apertium?: boolean;
  llm?: QaOptions["llm"];
  limits?: Partial<QaOptions["limits"]>;
  clock?: Clock;
  /**
   * Store translations and the index snapshot beside the releases, as the app does (a release saved through the
   * harness's store is queued for translation); call `translateAll()` to translate the corpus (needs Apertium).
   */
  bilingual?: boolean;
}

/** The corpus in a store, indexed, behind the real Q&A service (MiniSearch, offline MT, the LLM when given). */
export async function qaHarness(options: HarnessOptions = {}) {
  const clock = options.clock ?? fixedClock();
  const { store: raw, ids, db } = await corpusStore(() => clock.now(), options.corpus ?? true);
  const stores = options.bilingual
    ? { translations: new SqliteReleaseTranslations(db), snapshots: new SqliteQaSnapshots(db) }
    : {};
  const index = createQaIndex(raw, silentLogger, stores);
  const { indexer, store } = index;
  const translator = options.apertium ? new ApertiumTranslator() : undefined;
  const glossary = loadGlossary();
  const qa = createQa({
    indexer,
    index,
    store,
    translator,
    glossary,
    trust: createTrustTools(glossary),
    llm: options.llm,
    prompts: loadPrompts(),
    limits: { rateLimitPerHour: 1_000, maxQuestionChars: 500, ...options.limits },
    logger: silentLogger,
    clock,
  });
  const stemOf = (releaseId: string | undefined) => [...ids].find(([, id]) => id === releaseId)?.[0];
  /** Translates every stored release into the language NATO did not publish it in, and waits for the index. */
  const translateAll = async () => {
    await qa.translations?.resume();
    await qa.translations?.idle();
    await indexer.idle();
  };
  return { qa, store, raw, db, ids, indexer, stemOf, translateAll, close: async () => translator?.close() };
}

/**
 * A harness holding only these releases (text files' format, by name), indexed and ready, at 20 March 2025 unless
 * `options.clock` says otherwise; `ask` asks in a conversation of its own each time; `ids` maps each name to its
 * release id.
 */
export async function textsHarness<K extends string>(texts: Record<K, string>, options: HarnessOptions = {}) {
  const h = await qaHarness({ corpus: false, clock: fixedClock("2025-03-20T10:00:00Z"), ...options });
  const ids = {} as Record<K, string>;
  for (const [name, text] of Object.entries(texts) as [K, string][])
    ids[name] = (await h.store.saveRelease(draftFromText(text))).release.id;
  await h.indexer.whenReady();
  await h.indexer.idle();
  let n = 0;
  const ask = (q: string) => h.qa.service.ask(q, { userKey: "u", conversationKey: `texts${n++}` });
  return { ...h, ask, ids };
}

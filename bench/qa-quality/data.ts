/**
 * The qa-quality evaluation set: releases written for this benchmark (bench/qa-quality/releases.json), the real
 * releases of $NATO_CORPUS_DIR (../shared/corpus, read from there, each stored in ONE language, alternately
 * English and French), and the questions of sixteen files: set 1 (dev.json, held-out.json, on releases e01–f11 and
 * the corpus), set 2 (dev-2.json, held-out-2.json, written later and blind to the Q&A code, on releases
 * n01–n14, marked `"set": 2`, and the corpus), set 3 (dev-3.json, held-out-3.json, written later still, blind
 * to the Q&A code and to sets 1–2's misses, on releases s01–s12, marked `"set": 3`, and the corpus), set 4
 * (dev-4.json, held-out-4.json, written after set 3 had been tuned on, blind to the Q&A code and to every
 * earlier miss, on releases u01–u12, marked `"set": 4`, and the corpus), set 5 (dev-5.json, held-out-5.json,
 * written before any change made for it, blind to the Q&A code and to every earlier miss, on releases v01–v12,
 * marked `"set": 5`, and the corpus), set 6 (dev-6.json, held-out-6.json, written the same way before any change
 * made for it, on releases w01–w12, marked `"set": 6`, and the corpus), set 7 (dev-7.json, held-out-7.json,
 * written the same way, before the seventh pass changed anything, on releases x01–x12, marked `"set": 7`, and the
 * corpus) and set 8 (dev-8.json, held-out-8.json, written the same way after the seventh pass, blind to the Q&A
 * code and to every earlier miss, on releases y01–y12, marked `"set": 8`, and the corpus).
 */
import fs from "node:fs";
import path from "node:path";
import type { Lang } from "../../src/core/domain/language.js";
import { normaliseForMatch } from "./score.js";

export interface RawText {
  title: string;
  paragraphs: string[];
}
export interface EvalRelease {
  id: string;
  origin: "own" | "corpus";
  /** The question set that brought the release in (the corpus is shared: 1). */
  set: SetNumber;
  source: Lang;
  published?: string | undefined;
  texts: Partial<Record<Lang, RawText>>;
}
export interface Question {
  id: string;
  lang: Lang;
  q: string;
  kind: string;
  /** Earlier turns of the same conversation, asked first and not scored (follow-ups). */
  before?: string[];
  /** Answerable: the release and the short exact substring holding the answer (and NATO's translation of it). */
  release?: string;
  quote?: string;
  quoteOther?: string;
  /** Unanswerable: why it looks answerable. */
  trap?: string;
  /** The date a question was added after the set was written and split (not blind: see its file's note). */
  added?: string;
  file: QuestionFile;
}

export const QUESTION_FILES = [
  "dev",
  "dev-2",
  "dev-3",
  "dev-4",
  "dev-5",
  "dev-6",
  "dev-7",
  "dev-8",
  "held-out",
  "held-out-2",
  "held-out-3",
  "held-out-4",
  "held-out-5",
  "held-out-6",
  "held-out-7",
  "held-out-8",
] as const;
export type QuestionFile = (typeof QUESTION_FILES)[number];
export type SetNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What `--set` selects: every dev or held-out file (dev, held-out), one file (dev-1 is dev.json alone), or all. */
const SELECTIONS: Record<string, readonly QuestionFile[]> = {
  all: QUESTION_FILES,
  dev: QUESTION_FILES.filter((f) => f.startsWith("dev")),
  "held-out": QUESTION_FILES.filter((f) => f.startsWith("held-out")),
  // One file alone, by the set it belongs to: set 1's files have no number in their name.
  ...Object.fromEntries(QUESTION_FILES.map((f) => [/-\d$/u.test(f) ? f : `${f}-1`, [f]])),
};
export const SELECTION_NAMES = Object.keys(SELECTIONS);

export function filesOf(selection: string): readonly QuestionFile[] | undefined {
  return SELECTIONS[selection];
}

/** The set a question file belongs to: the number its name ends with (dev-2 is set 2's), set 1 without one. */
export function setOf(file: QuestionFile): SetNumber {
  const n = /-([2-8])$/u.exec(file)?.[1];
  return n === undefined ? 1 : (Number(n) as SetNumber);
}

/**
 * The releases to store for questions of `files`: set 1's files alone get set 1's releases, so their figures
 * stay those measured before set 2 existed; any file of a later set gets every release (its traps are
 * unanswerable from all of them).
 */
export function releasesFor(releases: EvalRelease[], files: readonly QuestionFile[]): EvalRelease[] {
  return files.some((f) => setOf(f) > 1) ? releases : releases.filter((r) => r.set === 1);
}

interface RawOwn {
  id: string;
  set?: 2 | 3 | 4 | 5 | 6 | 7 | 8;
  source: Lang;
  published?: string;
  en?: RawText;
  fr?: RawText;
}

const here = import.meta.dirname;
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

export function loadReleases(corpusDir: string): EvalRelease[] {
  const own = read<{ releases: RawOwn[] }>(path.join(here, "releases.json")).releases.map((r): EvalRelease => {
    const texts: Partial<Record<Lang, RawText>> = {};
    if (r.en) texts.en = r.en;
    if (r.fr) texts.fr = r.fr;
    return { id: r.id, origin: "own", set: r.set ?? 1, source: r.source, published: r.published, texts };
  });
  const indexFile = path.join(corpusDir, "index.json");
  if (!fs.existsSync(indexFile)) throw new Error(`no corpus at ${corpusDir}: set NATO_CORPUS_DIR`);
  const index = read<{ id: string; date: string }[]>(indexFile);
  const corpus = index.map((e, i): EvalRelease => {
    const lang: Lang = i % 2 === 0 ? "en" : "fr";
    const lines = fs
      .readFileSync(path.join(corpusDir, `${e.id}.${lang}.txt`), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      id: `corpus:${e.id}`,
      origin: "corpus",
      set: 1,
      source: lang,
      published: e.date,
      texts: { [lang]: { title: lines[0]!, paragraphs: lines.slice(1) } },
    };
  });
  return [...own, ...corpus];
}

/** The questions of `files` (all sixteen by default), each marked with its file. */
export function loadQuestions(files: readonly QuestionFile[] = QUESTION_FILES): Question[] {
  return files.flatMap((file) => {
    const name = path.join(here, `${file}.json`);
    return read<{ questions: Omit<Question, "file">[] }>(name).questions.map((q) => ({ ...q, file }));
  });
}

/** Fails loudly on a question whose release or quote is not in the data: a typo must not become a miss. */
export function validate(releases: EvalRelease[], questions: Question[]): void {
  const byId = new Map(releases.map((r) => [r.id, r]));
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) throw new Error(`question id ${q.id} twice`);
    ids.add(q.id);
    if (q.trap !== undefined) continue;
    const r = q.release ? byId.get(q.release) : undefined;
    if (!r || !q.quote) throw new Error(`${q.id}: no release "${q.release}" or no quote`);
    if (r.set > 1 && setOf(q.file) !== r.set) throw new Error(`${q.id}: a question of another set on ${r.id}`);
    for (const quote of [q.quote, q.quoteOther].filter((x): x is string => x !== undefined)) {
      const found = Object.values(r.texts).some((t) =>
        normaliseForMatch([t.title, ...t.paragraphs].join("\n")).includes(normaliseForMatch(quote)),
      );
      if (!found) throw new Error(`${q.id}: quote not in ${r.id}: ${quote}`);
    }
  }
}

/**
 * The qa-quality evaluation set: releases written for this benchmark (bench/qa-quality/releases.json), the real
 * releases of $NATO_CORPUS_DIR (../shared/corpus, read from there, each stored in ONE language, alternately
 * English and French), and the questions of dev.json and held-out.json.
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
  set: "dev" | "held-out";
}

interface RawOwn {
  id: string;
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
    return { id: r.id, origin: "own", source: r.source, published: r.published, texts };
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
      source: lang,
      published: e.date,
      texts: { [lang]: { title: lines[0]!, paragraphs: lines.slice(1) } },
    };
  });
  return [...own, ...corpus];
}

export function loadQuestions(): Question[] {
  return (["dev", "held-out"] as const).flatMap((set) =>
    read<{ questions: Omit<Question, "set">[] }>(path.join(here, `${set}.json`)).questions.map((q) => ({ ...q, set })),
  );
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
    for (const quote of [q.quote, q.quoteOther].filter((x): x is string => x !== undefined)) {
      const found = Object.values(r.texts).some((t) =>
        normaliseForMatch([t.title, ...t.paragraphs].join("\n")).includes(normaliseForMatch(quote)),
      );
      if (!found) throw new Error(`${q.id}: quote not in ${r.id}: ${quote}`);
    }
  }
}

import fs from "node:fs";
import path from "node:path";
import type { Lang } from "../../src/core/domain/language.js";
import { corpusDir, loadCorpus } from "./corpus.js";

/** Aligned texts in both languages: each document is a list of lines (a release: title, then paragraphs). */
export interface Dataset {
  name: string;
  description: string;
  documents: Record<Lang, string[]>[];
}

export function natoCorpus(): Dataset {
  const dir = corpusDir();
  const corpus = loadCorpus(dir);
  const lines = corpus.reduce((n, r) => n + r.lines.en.length, 0);
  return {
    name: "NATO corpus",
    description: `${dir}: ${corpus.length} releases, ${lines} aligned lines (titles + paragraphs), NATO's own EN and FR`,
    documents: corpus.map((r) => r.lines),
  };
}

interface HeldOutItem {
  id: string;
  categories: string[];
  en: string;
  fr: string;
}

/** Sentences written for the project (bench/translation/heldout.json): checks that rules and glossary generalise. */
export function heldOut(): Dataset & { items: HeldOutItem[] } {
  const file = path.join(import.meta.dirname, "heldout.json");
  const { items } = JSON.parse(fs.readFileSync(file, "utf8")) as { items: HeldOutItem[] };
  const categories = [...new Set(items.flatMap((i) => i.categories))].sort();
  return {
    name: "held-out",
    description: `bench/translation/heldout.json: ${items.length} sentences not in the corpus (${categories.join(", ")})`,
    documents: items.map((i) => ({ en: [i.en], fr: [i.fr] })),
    items,
  };
}

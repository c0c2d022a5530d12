import fs from "node:fs";
import path from "node:path";
import type { Lang } from "../../src/core/domain/language.js";

/** One release of NATO's bilingual corpus: line 0 is the title, then one paragraph per line, aligned. */
export interface CorpusRelease {
  id: string;
  original: Lang;
  lines: Record<Lang, string[]>;
}

/** `NATO_CORPUS_DIR`, else ../shared/corpus beside the project (read there, never copied into the project). */
export function corpusDir(): string {
  return path.resolve(process.env.NATO_CORPUS_DIR ?? path.join(import.meta.dirname, "../../../shared/corpus"));
}

export function loadCorpus(dir: string = corpusDir()): CorpusRelease[] {
  const indexFile = path.join(dir, "index.json");
  if (!fs.existsSync(indexFile)) {
    throw new Error(
      `No corpus at ${dir} (index.json missing): set NATO_CORPUS_DIR to the folder of NNN.en.txt/NNN.fr.txt`,
    );
  }
  const index = JSON.parse(fs.readFileSync(indexFile, "utf8")) as { id: string; original: Lang }[];
  return index.map(({ id, original }) => {
    const read = (lang: Lang) =>
      fs
        .readFileSync(path.join(dir, `${id}.${lang}.txt`), "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
    const lines = { en: read("en"), fr: read("fr") };
    if (lines.en.length !== lines.fr.length) {
      throw new Error(`Corpus ${id}: ${lines.en.length} English lines but ${lines.fr.length} French lines`);
    }
    return { id, original, lines };
  });
}

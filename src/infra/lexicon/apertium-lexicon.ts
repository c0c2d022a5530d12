import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/domain/language.js";
import type { BilingualLexicon, LexiconEquivalent } from "../../core/ports/bilingual-lexicon.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { silentLogger } from "../../core/ports/logger.port.js";
import { fold } from "../../core/text/fold.js";
import { packageRoot } from "../../package-root.js";
import {
  type BuildOptions,
  buildLexicon,
  DEFAULT_APERTIUM_DIR,
  installedSources,
  isKeptPos,
  LEGACY_JSON_FORMAT,
  LEXICON_FORMAT,
  type LexiconData,
} from "./build-lexicon.js";
import { lemmaCandidates } from "./inflections.js";
import { type LexiconFile, lexiconText, readLexiconText } from "./lexicon-file.js";

export interface ApertiumLexiconOptions extends BuildOptions {
  /** Where the generated lexicon is cached (default `node_modules/.cache/nato-brief/`). */
  cacheDir?: string;
  logger?: Logger;
}

export function defaultCacheDir(): string {
  return path.join(packageRoot(), "node_modules", ".cache", "nato-brief");
}

/** The cache file for the dictionaries installed now: another package version is another file. */
export function cacheFile(options: ApertiumLexiconOptions = {}, format: number = LEXICON_FORMAT): string | undefined {
  const sources = installedSources(options.apertiumDir ?? DEFAULT_APERTIUM_DIR);
  if (sources.length === 0) return undefined;
  const key = createHash("sha256").update(JSON.stringify({ format, sources })).digest("hex").slice(0, 12);
  // The format-1 cache was one JSON object; the current one is lexicon-file.ts's sorted lines.
  const ext = format === LEGACY_JSON_FORMAT ? "json" : "txt";
  return path.join(options.cacheDir ?? defaultCacheDir(), `lexicon-en-fr-${key}.${ext}`);
}

/**
 * The bilingual lexicon from Apertium's dictionaries, loaded on first use: nothing is read at construction, so
 * commands that never check a fact (`help`, `list`) never pay for it. The first use reads the cache file (about
 * 0.1 s); when there is none, `ready()` builds it (`lt-print` on each dictionary, seconds, once per machine and
 * package version) and the synchronous lookups answer [] until it resolves.
 */
export class ApertiumLexicon implements BilingualLexicon {
  private data: LexiconFile | null | undefined;
  private building: Promise<boolean> | undefined;
  /** The cache file for the installed dictionaries (null: none installed), stat'ed once. */
  private file: string | null | undefined;
  private readonly logger: Logger;

  constructor(private readonly options: ApertiumLexiconOptions = {}) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Loads the lexicon, building its cache first when needed; resolves to `available()`. */
  ready(): Promise<boolean> {
    if (this.load(true) !== undefined) return Promise.resolve(this.available());
    this.building ??= this.build();
    return this.building;
  }

  available(): boolean {
    return !!this.load();
  }

  equivalents(word: string, from: Lang, to: Lang): readonly LexiconEquivalent[] {
    const data = this.load();
    if (!data || from === to) return [];
    const table = data[from];
    const out: LexiconEquivalent[] = [];
    const seen = new Set<string>();
    const exact = fold(word.trim());
    const keys = table.has(exact) ? [exact] : this.lemmas(word, from);
    for (const key of keys) {
      for (const value of table.get(key) ?? []) {
        if (seen.has(value)) continue;
        seen.add(value);
        const [lemma = "", pos = ""] = value.split("\t");
        if (isKeptPos(pos)) out.push({ lemma, pos });
      }
    }
    return out;
  }

  lemmas(form: string, lang: Lang): readonly string[] {
    const data = this.load();
    if (!data) return [];
    return lemmaCandidates(form, lang).filter((c) => data[lang].has(c));
  }

  /** The data when loaded, null when it cannot be had, undefined while only a build can give it. */
  private load(recheck = false): LexiconFile | null | undefined {
    if (this.data !== undefined) return this.data;
    if (this.file === undefined) this.file = cacheFile(this.options) ?? null;
    else if (!recheck) return undefined;
    const file = this.file;
    if (!file) {
      this.logger.warn("no Apertium EN↔FR dictionaries installed: the bilingual lexicon is empty", {
        apertiumDir: this.options.apertiumDir ?? DEFAULT_APERTIUM_DIR,
      });
      this.data = null;
      return this.data;
    }
    if (!existsSync(file)) return this.fromLegacy(file);
    try {
      const read = readLexiconText(readFileSync(file, "utf8"));
      if (read.format !== LEXICON_FORMAT) throw new Error(`format ${String(read.format)}`);
      this.data = read;
    } catch (err) {
      this.logger.warn("unreadable lexicon cache; it will be rebuilt", { file, error: String(err) });
      return undefined;
    }
    return this.data;
  }

  /**
   * The cache an earlier version wrote (format 1, JSON) for the same dictionaries, saved again in the current
   * format: an upgrade reads the same lexicon at once, with no Apertium dump (the command line never builds one).
   */
  private fromLegacy(file: string): LexiconFile | undefined {
    const legacy = cacheFile(this.options, LEGACY_JSON_FORMAT);
    if (!legacy || !existsSync(legacy)) return undefined;
    try {
      const parsed = JSON.parse(readFileSync(legacy, "utf8")) as Omit<LexiconData, "format"> & { format: unknown };
      if (parsed.format !== LEGACY_JSON_FORMAT) throw new Error(`format ${String(parsed.format)}`);
      this.data = this.save(file, { ...parsed, format: LEXICON_FORMAT });
      return this.data;
    } catch (err) {
      this.logger.warn("unreadable lexicon cache of the version before; it will be rebuilt", {
        file: legacy,
        error: String(err),
      });
      return undefined;
    }
  }

  /** Writes the cache (then renames it: a concurrent reader never sees half a file) and reads it back. */
  private save(file: string, data: Omit<LexiconData, "format"> & { format: unknown }): LexiconFile {
    const text = lexiconText(data);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } catch (err) {
      // A read-only install still answers, from memory; the next start converts again.
      this.logger.warn("cannot write the lexicon cache", { file, error: String(err) });
    }
    return readLexiconText(text);
  }

  private async build(): Promise<boolean> {
    const file = this.file;
    if (!file) return false;
    const started = Date.now();
    try {
      this.logger.info("building the bilingual lexicon from Apertium's dictionaries (once per machine)", { file });
      const data = await buildLexicon(this.options);
      this.data = this.save(file, data);
      this.logger.info("bilingual lexicon built", {
        file,
        ms: Date.now() - started,
        en: Object.keys(data.en).length,
        fr: Object.keys(data.fr).length,
      });
      return true;
    } catch (err) {
      this.logger.warn("cannot build the bilingual lexicon; checking with the glossary only", {
        error: err instanceof Error ? err.message : String(err),
      });
      this.data = null;
      return false;
    }
  }
}

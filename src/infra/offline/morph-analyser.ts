import { remember } from "../../core/bounded-map.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import { analyserOf, DEFAULT_MODES_DIR } from "./apertium-modes.js";
import { NullFlushProcess } from "./apertium-process.js";
import { END_BLANK, escapeStream, type LexicalUnit, parseUnits } from "./apertium-stream.js";

/** The two languages we translate between and the two pivots Debian has pairs for. */
export type AnalyserLang = "en" | "fr" | "es" | "ca";

// Every installed pair reading the language brings its own analyser; their dictionaries differ, so a word known
// to either is a word of the language.
const MODES_READING: Record<AnalyserLang, readonly string[]> = {
  en: ["eng-spa", "eng-cat"],
  fr: ["fr-es", "fra-cat"],
  es: ["es-fr", "spa-eng"],
  ca: ["cat-fra", "cat-eng"],
};

/** What a language's dictionaries say of one word. */
export interface WordVerdict {
  surface: string;
  /** Some analyser of the language knows it. */
  known: boolean;
  /** Known only as a proper noun (`<np>`): a name, which no translation should change. */
  nameOnly: boolean;
  /** Known as a proper noun, perhaps also as a common word ("Mark", "Rob"). */
  name: boolean;
  /** Known only as the name of a place (`<np><loc>`), which dictionaries translate ("Brussels" → "Bruxelles"). */
  placeOnly: boolean;
}

/** A word in a dictionary: common only, a place's name, another name, a name and a common word ("Mark"), or not there. */
export type WordClass = "common" | "place" | "name" | "ambiguous" | "unknown";

/** A language's dictionaries, as the leak guard and name protection ask them. */
export interface Analyser {
  /** True when at least one dictionary of the language is installed. */
  available(): Promise<boolean>;
  /** Each word of the text, in order, with what the dictionaries say of it. */
  analyse(text: string): Promise<WordVerdict[]>;
  /** Each distinct word looked up on its own. */
  lookup(words: readonly string[]): Promise<Map<string, WordClass>>;
  close(): Promise<void>;
}

export interface MorphAnalyserOptions {
  modesDir?: string;
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * Apertium's own morphological analysers of one language (`lt-proc` on each installed `*.automorf.bin`, one
 * long-lived null-flush process each): which words of a text the language's dictionaries do not know.
 */
export class MorphAnalyser implements Analyser {
  private processes: Promise<NullFlushProcess[]> | undefined;
  // A word's entry in a dictionary never changes: looked-up words are remembered (bounded, oldest out first).
  private readonly known = new Map<string, WordClass>();

  constructor(
    readonly lang: AnalyserLang,
    private readonly options: MorphAnalyserOptions = {},
  ) {}

  /** True when at least one analyser of the language is installed. */
  async available(): Promise<boolean> {
    return (await this.started()).length > 0;
  }

  /** Each word of the text, in order, with what the dictionaries of the language say of it. */
  async analyse(text: string): Promise<WordVerdict[]> {
    const [first, ...others] = await this.started();
    if (!first || !text.trim()) return [];
    const units = (await run(first, text)).filter(isWord);
    const verdicts = units.map(verdict);
    // Ask the other dictionaries only about what the first did not know.
    for (const other of others) {
      const unknown = [...new Set(verdicts.filter((v) => !v.known).map((v) => v.surface))];
      if (unknown.length === 0) break;
      const known = new Map(
        (await run(other, unknown.join(SEPARATOR)))
          .filter(isWord)
          .filter((u) => !u.unknown)
          .map((u) => [u.surface, verdict(u)]),
      );
      for (const [i, v] of verdicts.entries()) if (!v.known) verdicts[i] = known.get(v.surface) ?? v;
    }
    return verdicts;
  }

  /** Each distinct word looked up on its own (no multiword units across them). */
  async lookup(words: readonly string[]): Promise<Map<string, WordClass>> {
    const distinct = [...new Set(words.filter((w) => /\p{L}/u.test(w)))];
    const out = new Map<string, WordClass>();
    const ask = distinct.filter((w) => {
      const cls = this.known.get(w);
      if (cls) out.set(w, cls);
      return !cls;
    });
    if (ask.length === 0) return out;
    const verdicts = await this.analyse(ask.join(SEPARATOR));
    for (const v of verdicts) {
      const cls = !v.known ? "unknown" : v.placeOnly ? "place" : v.nameOnly ? "name" : v.name ? "ambiguous" : "common";
      out.set(v.surface, cls);
      remember(this.known, v.surface, cls, MAX_REMEMBERED);
    }
    return out;
  }

  async close(): Promise<void> {
    const processes = this.processes !== undefined ? await this.processes : [];
    await Promise.all(processes.map((p) => p.close(1_000)));
  }

  private started(): Promise<NullFlushProcess[]> {
    this.processes ??= this.start();
    return this.processes;
  }

  private async start(): Promise<NullFlushProcess[]> {
    const modesDir = this.options.modesDir ?? DEFAULT_MODES_DIR;
    const logger = this.options.logger ?? silentLogger;
    const files = (await Promise.all(MODES_READING[this.lang].map((mode) => analyserOf(modesDir, mode)))).filter(
      (f): f is string => f !== undefined,
    );
    return [...new Set(files)].map(
      (file) =>
        new NullFlushProcess(
          `lt-proc ${file}`,
          `lt-proc -z '${file.replace(/'/g, "'\\''")}'`,
          this.options.timeoutMs ?? 10_000,
          logger.child({ analyser: this.lang }),
        ),
    );
  }
}

const MAX_REMEMBERED = 50_000;

// A punctuation unit between words keeps the analyser from reading them as one multiword ("North America").
export const SEPARATOR = "\n;\n";

async function run(process: NullFlushProcess, text: string): Promise<LexicalUnit[]> {
  return parseUnits(await process.send(`${escapeStream(text.replace(/\0/g, " "))}${END_BLANK}`));
}

// Punctuation and figures are units too; only words can leak.
function isWord(unit: LexicalUnit): boolean {
  return /\p{L}/u.test(unit.surface);
}

function verdict(unit: LexicalUnit): WordVerdict {
  const known = !unit.unknown;
  const name = known && unit.analyses.some((a) => /<np>/.test(a));
  const nameOnly = name && unit.analyses.every((a) => /<np>/.test(a));
  const placeOnly = nameOnly && unit.analyses.every((a) => /<loc>/.test(a));
  return { surface: unit.surface, known, name, nameOnly, placeOnly };
}

/** One analyser per installed dictionary the leak guard and name protection ask (each started on first use). */
export function createAnalysers(options: MorphAnalyserOptions = {}): Record<AnalyserLang, MorphAnalyser> {
  return {
    en: new MorphAnalyser("en", options),
    fr: new MorphAnalyser("fr", options),
    es: new MorphAnalyser("es", options),
    ca: new MorphAnalyser("ca", options),
  };
}

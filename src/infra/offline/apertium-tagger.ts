import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { PartOfSpeech, PosTagger, TaggedWord } from "../../core/ports/pos-tagger.port.js";
import { analyserOf, DEFAULT_MODES_DIR, taggerFilesNow, taggerModelOf } from "./apertium-modes.js";
import { NullFlushProcess } from "./apertium-process.js";
import { END_BLANK, escapeStream, parseUnits } from "./apertium-stream.js";

/** The installed pair whose analyser and tagger read each language (Debian's apertium-eng-spa, apertium-fr-es). */
const MODE_OF: Record<Lang, string> = { en: "eng-spa", fr: "fr-es" };

export interface ApertiumTaggerOptions {
  modesDir?: string | undefined;
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * Apertium's part-of-speech tagging: `lt-proc -w` (the analyser, dictionary case kept) into `apertium-tagger -g -p`
 * (one analysis per word, in context, with its surface), one long-lived null-flush pipeline per language, started
 * on first use. Without the pair's files the language tags nothing, and that is logged once.
 */
export class ApertiumTagger implements PosTagger {
  private readonly pipelines = new Map<Lang, Promise<NullFlushProcess | undefined>>();

  constructor(private readonly options: ApertiumTaggerOptions = {}) {}

  async available(lang: Lang): Promise<boolean> {
    return (await this.pipeline(lang)) !== undefined;
  }

  async tag(text: string, lang: Lang): Promise<TaggedWord[]> {
    const process = await this.pipeline(lang);
    if (!process || !/[\p{L}\p{N}]/u.test(text)) return [];
    return parseTagged(await process.send(`${escapeStream(text.replace(/\0/g, " "))}${END_BLANK}`));
  }

  /**
   * Starts the language's pipeline now, its files found synchronously, so `lt-proc` and the tagger load their
   * dictionaries on another core while this process works (a question's search, before it is tagged). Nothing
   * when it is started already or its files are missing (the first `tag` then says so).
   */
  warm(lang: Lang): void {
    if (this.pipelines.has(lang)) return;
    const files = taggerFilesNow(this.options.modesDir ?? DEFAULT_MODES_DIR, MODE_OF[lang]);
    if (!files) return;
    const process = this.pipelineOf(lang, files.analyser, files.model);
    this.pipelines.set(lang, Promise.resolve(process));
    process.prestart();
  }

  async close(): Promise<void> {
    const all = await Promise.all(this.pipelines.values());
    await Promise.all(all.map((p) => p?.close(1_000)));
  }

  private pipeline(lang: Lang): Promise<NullFlushProcess | undefined> {
    let p = this.pipelines.get(lang);
    if (!p) {
      p = this.start(lang);
      this.pipelines.set(lang, p);
    }
    return p;
  }

  private async start(lang: Lang): Promise<NullFlushProcess | undefined> {
    const modesDir = this.options.modesDir ?? DEFAULT_MODES_DIR;
    const logger = this.options.logger ?? silentLogger;
    const mode = MODE_OF[lang];
    const [analyser, model] = await Promise.all([analyserOf(modesDir, mode), taggerModelOf(modesDir, mode)]);
    if (!analyser || !model) {
      logger.warn("no Apertium part-of-speech tagger for this language: questions are not checked word by word", {
        lang,
        mode,
      });
      return undefined;
    }
    return this.pipelineOf(lang, analyser, model);
  }

  private pipelineOf(lang: Lang, analyser: string, model: string): NullFlushProcess {
    const logger = this.options.logger ?? silentLogger;
    const mode = MODE_OF[lang];
    const q = (file: string) => `'${file.replace(/'/g, "'\\''")}'`;
    return new NullFlushProcess(
      `apertium-tagger ${mode}`,
      `lt-proc -z -w ${q(analyser)} | apertium-tagger -z -g -p ${q(model)}`,
      this.options.timeoutMs ?? 10_000,
      logger.child({ tagger: lang }),
    );
  }
}

/** The words of `apertium-tagger -p` output (`^troops/troop<n><pl>$ ^nato/*nato$`); punctuation left out. */
export function parseTagged(output: string): TaggedWord[] {
  const out: TaggedWord[] = [];
  for (const unit of parseUnits(output)) {
    if (!/[\p{L}\p{N}]/u.test(unit.surface)) continue;
    const analysis = unit.analyses[0] ?? "";
    if (unit.unknown) {
      out.push({ surface: unit.surface, lemma: unit.surface, pos: "unknown" });
      continue;
    }
    // "NATO's" is NATO<np>+'s<gen>, « du » de<pr>+le<det>: the first part is the word; "#" marks a multiword's gap.
    const first = analysis.split("+")[0] ?? "";
    const lemma = first.replace(/<.*$/u, "").replace(/#/gu, "").trim() || unit.surface;
    out.push({ surface: unit.surface, lemma, pos: partOfSpeech([...first.matchAll(/<([^>]+)>/gu)].map((m) => m[1]!)) });
  }
  return out;
}

const VERB_TAGS = new Set(["vblex", "vbser", "vbhaver", "vbmod", "vbdo", "vaux"]);

function partOfSpeech(tags: readonly string[]): PartOfSpeech {
  const [head] = tags;
  if (head === "n") return "noun";
  if (head === "np") return "proper";
  if (head === "num") return "numeral";
  // « quel », "which": interrogative adjectives ask, they do not say what is asked about.
  if (head === "adj") return tags.includes("itg") ? "other" : "adjective";
  if (head && VERB_TAGS.has(head)) return "verb";
  return "other";
}

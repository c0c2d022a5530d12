import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import { DEFAULT_MODES_DIR, missingModes, stageCommand } from "./apertium-modes.js";
import { NullFlushProcess } from "./apertium-process.js";
import {
  type AlignedPiece,
  END_BLANK,
  escapeStream,
  markWords,
  parseAligned,
  type SourceWord,
  sourceWords,
  unescapeStream,
} from "./apertium-stream.js";

export type Direction = "fr-en" | "en-fr";

export interface ApertiumTranslatorOptions {
  /** Apertium modes run one after the other per direction; there is no direct en↔fr pair, so we pivot. */
  chains?: Partial<Record<Direction, readonly string[]>>;
  modesDir?: string;
  /** Longest wait for one segment once it is at the head of the queue. */
  timeoutMs?: number;
  /** Wait after closing stdin before the children are killed. */
  closeGraceMs?: number;
  logger?: Logger;
}

/** Today's default: through Spanish both ways. */
export const DEFAULT_CHAINS: Record<Direction, readonly string[]> = {
  "fr-en": ["fr-es", "spa-eng"],
  "en-fr": ["eng-spa", "es-fr"],
};

/** One segment's translation with, per piece of output, the source words it came from. */
export interface AlignedTranslation {
  /** The pieces' text joined and tidied: what `translate` gives. */
  text: string;
  words: SourceWord[];
  pieces: AlignedPiece[];
}

/**
 * Apertium through one chain of modes per direction, each chain one long-lived null-flush process (`-z`)
 * started on first use.
 */
export class ApertiumTranslator implements Translator {
  private readonly chains: Partial<Record<Direction, readonly string[]>>;
  private readonly modesDir: string;
  private readonly timeoutMs: number;
  private readonly closeGraceMs: number;
  private readonly logger: Logger;
  private readonly statuses = new Map<Direction, Promise<TranslatorStatus>>();
  private readonly pipelines = new Map<Direction, Promise<NullFlushProcess>>();
  private readonly started = new Set<NullFlushProcess>();

  constructor(options: ApertiumTranslatorOptions = {}) {
    this.chains = { ...DEFAULT_CHAINS, ...options.chains };
    this.modesDir = options.modesDir ?? DEFAULT_MODES_DIR;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.closeGraceMs = options.closeGraceMs ?? 1_000;
    this.logger = options.logger ?? silentLogger;
  }

  status(from: Lang, to: Lang): Promise<TranslatorStatus> {
    if (from === to) return Promise.resolve({ available: true, pipeline: "identity" });
    const direction: Direction = `${from}-${to}` as Direction;
    let status = this.statuses.get(direction);
    if (!status) {
      status = this.checkInstalled(direction);
      this.statuses.set(direction, status);
    }
    return status;
  }

  async translate(segments: string[], from: Lang, to: Lang): Promise<string[]> {
    if (from === to) return [...segments];
    const pipeline = await this.ready(from, to);
    return Promise.all(
      segments.map((segment) =>
        framed(segment, async (core) => tidy(core, unescapeStream(await pipeline.send(frame(escapeStream(core)))))),
      ),
    );
  }

  /**
   * Translates one segment with each source word inside a word-bound blank, so every piece of the output says
   * which source words it came from (for the leak guard). The text is what `translate` would give.
   */
  async translateAligned(segment: string, from: Lang, to: Lang): Promise<AlignedTranslation> {
    const words = sourceWords(segment.replace(/\0/g, " "));
    if (from === to) return { text: segment, words, pieces: [{ text: segment, sources: words.map((_, i) => i) }] };
    const pipeline = await this.ready(from, to);
    const core = segment.replace(/\0/g, " ");
    const raw = await pipeline.send(frame(markWords(core, words)));
    const pieces = parseAligned(raw);
    return { text: tidy(core, pieces.map((p) => p.text).join("")), words, pieces };
  }

  /** Process ids of the running pipelines (process group leaders), for health checks and tests. */
  processIds(): number[] {
    return [...this.started].flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
  }

  async close(): Promise<void> {
    const pipelines = [...this.started];
    await Promise.all(pipelines.map((p) => p.close(this.closeGraceMs)));
  }

  private async ready(from: Lang, to: Lang): Promise<NullFlushProcess> {
    const status = await this.status(from, to);
    if (!status.available) throw new Error(status.reason);
    return this.pipeline(`${from}-${to}` as Direction);
  }

  private pipeline(direction: Direction): Promise<NullFlushProcess> {
    let pipeline = this.pipelines.get(direction);
    if (!pipeline) {
      pipeline = this.buildPipeline(direction);
      this.pipelines.set(direction, pipeline);
      // A failed build (e.g. a broken mode file) must not be cached forever.
      pipeline.catch(() => this.pipelines.delete(direction));
    }
    return pipeline;
  }

  private async buildPipeline(direction: Direction): Promise<NullFlushProcess> {
    const chain = this.chains[direction] ?? [];
    const stages = await Promise.all(chain.map((mode) => stageCommand(this.modesDir, mode)));
    const label = `apertium ${chain.join(" | ")}`;
    const pipeline = new NullFlushProcess(label, stages.join(" | "), this.timeoutMs, this.logger.child({ label }));
    this.started.add(pipeline);
    return pipeline;
  }

  private async checkInstalled(direction: Direction): Promise<TranslatorStatus> {
    const chain = this.chains[direction];
    if (!chain || chain.length === 0) {
      return { available: false, reason: `No Apertium chain is configured for ${direction}` };
    }
    const { missing, install } = await missingModes(this.modesDir, chain);
    if (missing.length === 0) return { available: true, pipeline: `apertium ${chain.join(" | ")}` };
    return { available: false, reason: `Apertium is not installed (missing ${missing.join(", ")}): ${install}` };
  }
}

function frame(stream: string): string {
  return `${stream}${END_BLANK}`;
}

/** Sends the segment without its surrounding whitespace (Apertium would drop it) and puts the whitespace back. */
export async function framed(segment: string, run: (core: string) => Promise<string>): Promise<string> {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment);
  const [, lead = "", core = "", trail = ""] = m ?? [];
  // An empty frame costs a round trip for nothing; a NUL inside a segment would be read as the end of the frame.
  if (!core) return segment;
  return `${lead}${await run(core.replace(/\0/g, " "))}${trail}`;
}

// Transfer rules leave doubled spaces and a space before a full stop or comma where a word was dropped, and
// the pivot sometimes loses the capital of the first word ("la Russie reste ...").
export function tidy(source: string, translated: string): string {
  const text = translated
    .trim()
    .replace(/(?<=\S)[ \t]{2,}/g, " ")
    .replace(/ +([.,])/g, "$1");
  return /^\p{Lu}/u.test(source) && /^\p{Ll}/u.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

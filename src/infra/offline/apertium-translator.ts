import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { access } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";

const execFileAsync = promisify(execFile);

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

export const DEFAULT_CHAINS: Record<Direction, readonly string[]> = {
  "fr-en": ["fr-es", "spa-eng"],
  "en-fr": ["eng-spa", "es-fr"],
};
export const DEFAULT_MODES_DIR = "/usr/share/apertium/modes";

const MODE_TOOL = "apertium-wblank-mode";
// Debian ships both directions of a pair in one package named after the pair's canonical order.
const PACKAGES: Record<string, string> = {
  "fr-es": "apertium-fr-es",
  "es-fr": "apertium-fr-es",
  "eng-spa": "apertium-eng-spa",
  "spa-eng": "apertium-eng-spa",
  "fra-cat": "apertium-fra-cat",
  "cat-fra": "apertium-fra-cat",
  "eng-cat": "apertium-eng-cat",
  "cat-eng": "apertium-eng-cat",
};
// Ends each segment: a superblank that Apertium copies to the output, which flushes the last word.
const END_BLANK = "[][\\n]";

/** Escapes text for the Apertium stream format, where these characters are syntax. */
export function escapeStream(text: string): string {
  return text.replace(/[\\[\]^$@/<>{}]/g, (c) => `\\${c}`);
}

/** Undoes stream escapes and drops superblanks (`[...]`, `[[...]]`) from one output segment. */
export function unescapeStream(output: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < output.length; i++) {
    const c = output[i];
    if (c === "\\" && i + 1 < output.length) {
      i++;
      if (depth === 0) out += output[i];
    } else if (c === "[") depth++;
    else if (c === "]" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

export class ApertiumTranslator implements Translator {
  private readonly chains: Partial<Record<Direction, readonly string[]>>;
  private readonly modesDir: string;
  private readonly timeoutMs: number;
  private readonly closeGraceMs: number;
  private readonly logger: Logger;
  private readonly statuses = new Map<Direction, Promise<TranslatorStatus>>();
  private readonly pipelines = new Map<Direction, Promise<ApertiumPipeline>>();
  private readonly started = new Set<ApertiumPipeline>();

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
    const status = await this.status(from, to);
    if (!status.available) throw new Error(status.reason);
    const pipeline = await this.pipeline(`${from}-${to}` as Direction);
    return Promise.all(
      segments.map(async (segment) => {
        // Apertium would drop surrounding whitespace and an empty frame costs a round trip for nothing.
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment);
        const [, lead = "", core = "", trail = ""] = m ?? [];
        if (!core) return segment;
        // A NUL inside a segment would be read as the end of the frame.
        const translated = await pipeline.translate(core.replace(/\0/g, " "));
        return `${lead}${tidy(core, translated)}${trail}`;
      }),
    );
  }

  /** Process ids of the running pipelines (process group leaders), for health checks and tests. */
  processIds(): number[] {
    return [...this.started].flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
  }

  async close(): Promise<void> {
    const pipelines = [...this.started];
    await Promise.all(pipelines.map((p) => p.close(this.closeGraceMs)));
  }

  private pipeline(direction: Direction): Promise<ApertiumPipeline> {
    let pipeline = this.pipelines.get(direction);
    if (!pipeline) {
      pipeline = this.buildPipeline(direction);
      this.pipelines.set(direction, pipeline);
      // A failed build (e.g. a broken mode file) must not be cached forever.
      pipeline.catch(() => this.pipelines.delete(direction));
    }
    return pipeline;
  }

  private async buildPipeline(direction: Direction): Promise<ApertiumPipeline> {
    const chain = this.chains[direction] ?? [];
    const stages = await Promise.all(chain.map((mode) => this.stageCommand(mode)));
    const label = `apertium ${chain.join(" | ")}`;
    const pipeline = new ApertiumPipeline(label, stages.join(" | "), this.timeoutMs, this.logger.child({ label }));
    this.started.add(pipeline);
    return pipeline;
  }

  private async stageCommand(mode: string): Promise<string> {
    const file = path.join(this.modesDir, `${mode}.mode`);
    const { stdout } = await execFileAsync(MODE_TOOL, ["-z", file]).catch((err: unknown) => {
      throw new Error(`${MODE_TOOL} could not read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    });
    const command = stdout.trim();
    if (!command) throw new Error(`${MODE_TOOL} printed no pipeline for ${file}`);
    // $1 is the generator flag: -n drops unknown-word marks (*, @, #); $2 is an optional tagger flag.
    return command.replace(/\$1(?!\d)/g, "-n").replace(/\$2(?!\d)/g, "");
  }

  private async checkInstalled(direction: Direction): Promise<TranslatorStatus> {
    const chain = this.chains[direction];
    if (!chain || chain.length === 0) {
      return { available: false, reason: `No Apertium chain is configured for ${direction}` };
    }
    const missing: string[] = [];
    if (!(await onPath(MODE_TOOL))) missing.push(`${MODE_TOOL} on PATH`);
    for (const mode of chain) {
      const file = path.join(this.modesDir, `${mode}.mode`);
      if (!(await exists(file))) missing.push(file);
    }
    if (missing.length === 0) return { available: true, pipeline: `apertium ${chain.join(" | ")}` };
    const packages = new Set([
      "apertium",
      ...chain.map((mode) => PACKAGES[mode.split("_")[0] ?? mode] ?? `apertium-${mode}`),
    ]);
    return {
      available: false,
      reason: `Apertium is not installed (missing ${missing.join(", ")}): apt-get install ${[...packages].join(" ")}`,
    };
  }
}

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

/** One long-lived `bash -c` pipeline in null-flush mode: one NUL-terminated frame in, one out, in order. */
class ApertiumPipeline {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private chunks: Buffer[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastStderr = "";

  constructor(
    private readonly label: string,
    private readonly command: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  translate(text: string): Promise<string> {
    // A child that died a moment ago may not have reported 'close' yet: do not queue work behind it.
    if (this.child && (this.child.exitCode !== null || this.child.signalCode !== null || this.child.stdin.destroyed)) {
      this.fail(this.child, new Error(`${this.label} exited`));
    }
    const child = this.child ?? this.start();
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      if (this.queue.length === 1) this.arm(child);
      child.stdin.write(`${escapeStream(text)}${END_BLANK}\0`);
    });
  }

  async close(graceMs: number): Promise<void> {
    const child = this.child;
    if (!child) return;
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    child.stdin.end();
    const killer = setTimeout(() => killGroup(child), graceMs);
    await closed;
    clearTimeout(killer);
  }

  private start(): ChildProcessWithoutNullStreams {
    this.logger.debug("starting Apertium pipeline");
    // Its own process group, so a timeout can kill every stage of the shell pipeline, not only bash.
    const child = spawn("bash", ["-c", this.command], { stdio: "pipe", detached: true });
    this.child = child;
    this.chunks = [];
    this.lastStderr = "";
    child.stdout.on("data", (data: Buffer) => this.onData(child, data));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data: string) => {
      for (const line of data.split("\n").filter((l) => l.trim())) {
        this.lastStderr = line.trim();
        this.logger.warn("Apertium stderr", { line: this.lastStderr });
      }
    });
    // EPIPE after a stage died; the close handler reports the failure with its exit status.
    child.stdin.on("error", (err) => this.logger.debug("Apertium stdin error", { error: err.message }));
    child.on("error", (err) => this.fail(child, new Error(`Could not start ${this.label}: ${err.message}`)));
    child.on("close", (code, signal) => {
      const why = this.lastStderr ? `: ${this.lastStderr}` : "";
      this.fail(child, new Error(`${this.label} exited (code ${code}, signal ${signal})${why}`));
    });
    return child;
  }

  private onData(child: ChildProcessWithoutNullStreams, data: Buffer): void {
    if (child !== this.child) return;
    let from = 0;
    for (let nul = data.indexOf(0, from); nul >= 0; nul = data.indexOf(0, from)) {
      this.chunks.push(data.subarray(from, nul));
      const raw = Buffer.concat(this.chunks).toString("utf8");
      this.chunks = [];
      from = nul + 1;
      // lt-proc emits bare NULs when it flushes at end of input: they answer nothing.
      if (raw === "") continue;
      const pending = this.queue.shift();
      if (!pending) {
        this.logger.warn("Apertium output with no pending request", { output: raw.slice(0, 200) });
        continue;
      }
      pending.resolve(unescapeStream(raw));
      this.arm(child);
    }
    if (from < data.length) this.chunks.push(data.subarray(from));
  }

  private arm(child: ChildProcessWithoutNullStreams): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      const error = new Error(`${this.label} gave no answer within ${this.timeoutMs} ms; it will restart on next use`);
      this.fail(child, error);
    }, this.timeoutMs);
  }

  private fail(child: ChildProcessWithoutNullStreams, error: Error): void {
    if (child !== this.child) return;
    this.child = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.chunks = [];
    killGroup(child);
    const pending = this.queue.splice(0);
    if (pending.length > 0)
      this.logger.warn("Apertium pipeline failed", { error: error.message, pending: pending.length });
    for (const p of pending) p.reject(error);
  }
}

// Transfer rules leave doubled spaces and a space before a full stop or comma where a word was dropped, and
// the pivot sometimes loses the capital of the first word ("la Russie reste ...").
function tidy(source: string, translated: string): string {
  const text = translated
    .trim()
    .replace(/(?<=\S)[ \t]{2,}/g, " ")
    .replace(/ +([.,])/g, "$1");
  return /^\p{Lu}/u.test(source) && /^\p{Ll}/u.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function killGroup(child: ChildProcessWithoutNullStreams): void {
  // Stages outlive bash if only bash is killed: closing stdin and killing the group stops them all.
  child.stdin.destroy();
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone: the group exits as soon as its last stage does.
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

// Asks the shell, so the lookup matches what `bash -c` will later run.
async function onPath(command: string): Promise<boolean> {
  return execFileAsync("sh", ["-c", 'command -v "$1"', "sh", command]).then(
    () => true,
    () => false,
  );
}

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import type { Logger } from "../../core/ports/logger.port.js";

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

/**
 * One long-lived `bash -c` Apertium pipeline in null-flush mode (`-z`): one NUL-terminated frame in, one out, in
 * order. Frames are written as given (already in the stream format) and answered raw; a stage that dies or a
 * frame that takes longer than the timeout fails what is queued, and the next frame starts the pipeline again.
 */
export class NullFlushProcess {
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

  /** Sends one frame (stream format, no NUL inside) and resolves with the raw answer to it. */
  send(frame: string): Promise<string> {
    // A child that died a moment ago may not have reported 'close' yet: do not queue work behind it.
    if (this.child && (this.child.exitCode !== null || this.child.signalCode !== null || this.child.stdin.destroyed)) {
      this.fail(this.child, new Error(`${this.label} exited`));
    }
    const child = this.child ?? this.start();
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      if (this.queue.length === 1) this.arm(child);
      child.stdin.write(`${frame}\0`);
    });
  }

  /** Starts the pipeline now rather than at the first `send`: its programs load their files meanwhile. */
  prestart(): void {
    this.child ??= this.start();
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
      pending.resolve(raw);
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

export function killGroup(child: ChildProcessWithoutNullStreams): void {
  // Stages outlive bash if only bash is killed: closing stdin and killing the group stops them all.
  child.stdin.destroy();
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone: the group exits as soon as its last stage does.
  }
}

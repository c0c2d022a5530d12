import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** One `npm start` replica: the compiled server (dist/src/main.js) as its own process, its log lines parsed. */
export interface Replica {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  logs: LogLine[];
  exited: Promise<number | null>;
  /** Resolves with the first log line (already seen or to come) matching, or rejects after `timeoutMs`. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGKILL, as a crashed host or `kill -9`: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a deploy's stop), resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * Starts a replica and resolves once it logs that it listens. Plain `node` on the build (tests/e2e/global-setup
 * makes it), not tsx: a replica starts in about a second, which trials that start one each can afford.
 */
export function startReplica(name: string, env: NodeJS.ProcessEnv): Promise<Replica> {
  const child = spawn(process.execPath, [path.join(root, "dist/src/main.js")], {
    cwd: root,
    env: { ...env, PORT: "0" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let partial = "";
  let raw = "";
  child.stderr?.on("data", (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (raw.length < 20_000) raw += `${line}\n`;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: "raw", msg: line });
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 30_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const hit = logs.find(match);
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${name}: no matching log line within ${timeoutMs} ms; stderr: ${raw.slice(-3000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`${name} exited ${code} before listening: ${raw.slice(-3000)}`)));
    waitForLog((l) => l.msg === "listening", 60_000).then((line) => {
      resolve({
        name,
        child,
        pid: child.pid!,
        port: Number(line.port),
        logs,
        exited,
        waitForLog,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    }, reject);
  });
}

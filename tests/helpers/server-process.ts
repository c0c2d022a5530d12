import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  child: ChildProcess;
  /** The port the server logged in its "listening" line. */
  port: number;
  /** Everything the server printed on stdout so far. */
  stdout(): string;
}

/**
 * Starts the server's compiled entry point (dist/src/main.js, what the Docker image runs; `npm start` runs the
 * same code through tsx) without a terminal and resolves once it logs the port it listens on; rejects with its
 * stderr if it exits first or says nothing for a minute. The build comes from tests/e2e/global-setup.ts.
 */
export function startServer(options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [path.join(root, "dist/src/main.js")], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" log line; stderr: ${err}`)), 60_000);
    child.stderr?.on("data", (d) => {
      err += d;
      const line = err.split("\n").find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, port: JSON.parse(line).port as number, stdout: () => out });
      }
    });
    child.on("exit", (code) => reject(new Error(`dist/src/main.js exited ${code}: ${err}`)));
  });
}

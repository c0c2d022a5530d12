import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** The `nato-brief` executable (package.json "bin"): the compiled CLI, built once by tests/e2e/global-setup.ts. */
export const BIN = path.join(root, "bin/nato-brief.mjs");

export interface CliRunOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  input?: string | Buffer | undefined;
  timeout?: number;
}

/** Runs `nato-brief ARGS` to completion, as a shell would (its own process, stdin from `input`). */
export function runCli(args: readonly string[], options: CliRunOptions) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: options.env,
    cwd: options.cwd,
    input: options.input,
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The same without blocking this process: for tests whose fakes (Slack, Teams, OpenAI) live in this process. */
export function runCliAsync(args: readonly string[], options: CliRunOptions): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env: options.env, cwd: options.cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.stdin.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 60_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGTERM");
});

/** Starts `npm start`'s entry point without a terminal and resolves once it logs the port it listens on. */
function start(dir: string): Promise<{ port: number; stdout: () => string }> {
  let out = "";
  let err = "";
  child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "src/main.ts")], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
      SLACK_BOT_TOKEN: "",
      TEAMS_ENABLED: "",
      MICROSOFT_APP_ID: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" log line; stderr: ${err}`)), 60_000);
    child?.stderr?.on("data", (d) => {
      err += d;
      const line = err.split("\n").find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve({ port: JSON.parse(line).port, stdout: () => out });
      }
    });
    child?.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

describe("npm start on embedded defaults, without a terminal", () => {
  it("stores the bundled sample, prints its brief, and serves /healthz", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "start-"));
    const { port, stdout } = await start(dir);
    expect(stdout()).toContain("Stoltenberg");
    expect(stdout()).toMatch(/\[EN\]/);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", releases: 1, engine: "offline" });
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  }, 90_000);
});

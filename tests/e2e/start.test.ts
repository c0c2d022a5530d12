import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "../helpers/server-process.js";

let server: ServerProcess | undefined;
afterEach(() => {
  server?.child.kill("SIGTERM");
});

describe("npm start on embedded defaults, without a terminal", () => {
  it("stores the bundled sample, prints its brief, and serves /healthz", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "start-"));
    server = await startServer({
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
    });
    const { port, stdout } = server;
    expect(stdout()).toContain("Stoltenberg");
    expect(stdout()).toMatch(/\[EN\]/);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", releases: 1, engine: "offline" });
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  }, 90_000);
});

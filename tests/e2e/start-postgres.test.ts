import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { adminQuery, freshSchema, postgresMissing, type TestSchema } from "../helpers/postgres.js";
import { type ServerProcess, startServer } from "../helpers/server-process.js";

const missing = await postgresMissing();

let server: ServerProcess | undefined;
let schema: TestSchema | undefined;
afterEach(async () => {
  server?.child.kill("SIGKILL");
  server = undefined;
  await schema?.drop();
});

const sessions = async (app: string) =>
  (await adminQuery("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [app])).length;

describe.skipIf(missing !== undefined)("npm start on PostgreSQL (DATABASE_URL=postgres://…)", () => {
  it("migrates, serves /healthz with the store, survives terminated connections, and ends its pool on SIGTERM", async () => {
    schema = await freshSchema("start");
    const app = `nb_e2e_${schema.schema}`;
    const url = new URL(schema.url);
    url.searchParams.set("application_name", app);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "start-pg-"));
    server = await startServer({
      cwd: dir,
      env: {
        ...process.env,
        PORT: "0",
        DATABASE_URL: url.toString(),
        OPENAI_API_KEY: "",
        OPENAI_BASE_URL: "",
        SLACK_BOT_TOKEN: "",
        TEAMS_ENABLED: "",
        MICROSOFT_APP_ID: "",
      },
    });
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${server!.port}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    await expect.poll(() => server?.stdout()).toContain("Stoltenberg");
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: "ok", store: "postgres", storeReachable: true, releases: 1 },
    });
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);

    const killed = await adminQuery(
      "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = $1",
      [app],
    );
    expect(killed.length).toBeGreaterThan(0);
    expect(await health()).toMatchObject({
      status: 200,
      body: { store: "postgres", storeReachable: true, releases: 1 },
    });
    expect(server.child.exitCode).toBeNull();

    expect(await sessions(app)).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => server!.child.once("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect.poll(() => sessions(app)).toBe(0);
  }, 90_000);
});

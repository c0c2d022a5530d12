import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { runCliAsync } from "../helpers/cli-process.js";
import { type ServerProcess, startServer } from "../helpers/server-process.js";
import { malformed } from "../helpers/slack-malformed.js";
import { postToSlackApp, slashCommand } from "../helpers/slack-requests.js";

/**
 * The "done when", on the real entry points: `npm start` (src/main.ts) with SLACK_SIGNING_SECRET,
 * SLACK_BOT_TOKEN and SLACK_API_URL set, signed requests over HTTP, the Web API and response_url on a fake
 * Slack; then `nato-brief digest --run-now` in another process posting the channel's digest to Slack once.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "e2e-signing-secret";

let fake: FakeSlackApi;
let server: ServerProcess | undefined;
let dir: string;
let env: NodeJS.ProcessEnv;
let url: string;

/** The CLI in its own process. Asynchronous: the fake Slack it talks to lives in this process. */
function cli(...args: string[]): Promise<string> {
  return cliWith({}, ...args);
}

async function cliWith(extra: Record<string, string>, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCliAsync(args, { cwd: dir, env: { ...env, ...extra } });
  if (code !== 0) throw new Error(`cli ${args.join(" ")} failed (${code}): ${stderr}`);
  return stdout;
}

async function start(): Promise<number> {
  server = await startServer({ cwd: dir, env });
  return server.port;
}

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "slack-e2e-"));
  env = {
    ...process.env,
    PORT: "0",
    DATABASE_URL: `sqlite:${dir}/db.sqlite`,
    SLACK_BOT_TOKEN: "xoxb-e2e",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_RESPONSE_URL_ORIGINS: new URL(fake.apiUrl).origin,
    SLACK_APP_TOKEN: "",
    SOURCES_POLL: "false",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    TEAMS_ENABLED: "",
    MICROSOFT_APP_ID: "",
    LOG_LEVEL: "info",
  };
  await cli("ingest", "--file", path.join(root, "samples/breton-defence-industry.fr.txt"));
  url = `http://127.0.0.1:${await start()}/slack/events`;
}, 120_000);

afterAll(async () => {
  server?.child.kill("SIGTERM");
  await fake?.close();
});

describe("npm start with Slack configured", () => {
  it("acks a signed /nato-brief latest with 200 before the work, and the bilingual brief reaches response_url", async () => {
    // Slack's 3 s rule, without a clock: the fake holds every answer of the work (users.info, the response_url
    // post) until the test has the ack. An ack that waited for the work would never come (the test would time out).
    const release = fake.hold();
    const res = await postToSlackApp(
      url,
      SECRET,
      slashCommand({ text: "latest", responseUrl: fake.responseUrl("done") }),
    );
    release();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringContaining("Working on it"),
    });
    const [post] = await fake.waitFor(() => fake.responsesTo("done").length > 0 && fake.responsesTo("done"), 30_000);
    const sections = (post!.body.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === "section")
      .map((b) => b.text!.text);
    expect(sections).toHaveLength(2);
    expect(sections.join("\n")).toMatch(/_EN_/);
    expect(sections.join("\n")).toMatch(/_FR_/);
    expect(sections.join("\n")).toContain("Stoltenberg");
    expect(fake.callsOf("auth.test")[0]!.headers.authorization).toBe("Bearer xoxb-e2e");
  }, 60_000);

  it("survives signed bodies that parse to null (400), and /healthz counts what was refused (issue 15)", async () => {
    for (const kind of ["payload-null", "json-null"] as const) {
      const res = await postToSlackApp(url, SECRET, malformed(kind, fake.responseUrl(kind)));
      expect(res.status).toBe(400);
    }
    const health = (await (await fetch(url.replace("/slack/events", "/healthz"))).json()) as {
      slack: { rejectedRequests: number };
    };
    expect(health).toMatchObject({ status: "ok", unhandledRejections: 0, slack: { listenerFailures: 0 } });
    expect(health.slack.rejectedRequests).toBeGreaterThanOrEqual(2);
  });

  it("answers an unsigned request with 401 and sends nothing", async () => {
    const res = await postToSlackApp(
      url,
      SECRET,
      slashCommand({ text: "latest", responseUrl: fake.responseUrl("unsigned") }),
      {
        unsigned: true,
      },
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.responsesTo("unsigned")).toEqual([]);
  });

  it("subscribe in a channel creates the subscription; digest --run-now posts there once", async () => {
    const sub = await postToSlackApp(
      url,
      SECRET,
      slashCommand({
        text: "subscribe 08:00 Europe/Brussels both",
        responseUrl: fake.responseUrl("sub"),
        channelId: "CDIGEST",
      }),
    );
    expect(sub.status).toBe(200);
    expect(sub.text).toContain("Subscribed");
    expect(await cli("subscriptions", "list")).toContain("slack:T1:CDIGEST");
    // The period's window ends at its 08:00 slot, so what it holds depends on the hour the test runs; posting the
    // "nothing new" digest too makes "posts once" checkable at any hour.
    const digestEnv = { DIGEST_POST_WHEN_EMPTY: "true" };
    expect(await cliWith(digestEnv, "digest", "--run-now")).toMatch(/slack:T1:CDIGEST .*posted 1 part/);
    expect(await cliWith(digestEnv, "digest", "--run-now")).toMatch(/already delivered/);
    const posts = fake.callsOf("chat.postMessage").filter((c) => c.body.channel === "CDIGEST");
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain("NATO digest");
    expect(posts[0]!.headers.authorization).toBe("Bearer xoxb-e2e");
  }, 120_000);
});

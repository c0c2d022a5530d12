import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { runCliAsync } from "../helpers/cli-process.js";
import { type ServerProcess, startServer } from "../helpers/server-process.js";
import {
  CHANNEL,
  channelMessage,
  PERSONAL,
  personalMessage,
  postActivity,
  teamMembership,
} from "../helpers/teams-activities.js";

/** A release without a date: it counts as stored now, so today's digest carries it. */
const RELEASE = `NATO Allies agree new plan to boost ammunition production

Brussels - NATO Allies agreed on a new plan to boost the production of ammunition across the Alliance, the Secretary General said on Tuesday.

The plan sets common targets for 155 mm artillery shells and air defence interceptors, and asks industry to expand capacity.

Allies will review progress at the next meeting of Defence Ministers in Brussels.`;

let connector: FakeBotConnector;
let dir: string;
let server: ServerProcess | undefined;
let port = 0;
let env: NodeJS.ProcessEnv;

async function cli(...args: string[]) {
  const result = await runCliAsync(args, { cwd: dir, env, timeout: 90_000 });
  if (result.code !== 0) throw new Error(`cli ${args.join(" ")} failed (${result.code}): ${result.stderr}`);
  return result;
}

beforeAll(async () => {
  connector = await startFakeBotConnector();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "teams-e2e-"));
  env = {
    ...process.env,
    NODE_ENV: "test",
    PORT: "0",
    DATABASE_URL: `sqlite:${dir}/db.sqlite`,
    TEAMS_ENABLED: "true",
    TEAMS_DEV_SERVICE_URLS: new URL(connector.url).origin,
    MICROSOFT_APP_ID: "",
    SLACK_BOT_TOKEN: "",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    SOURCES_POLL: "false",
    LOG_LEVEL: "info",
  };
  fs.writeFileSync(path.join(dir, "release.txt"), RELEASE);
  await cli("ingest", "--file", path.join(dir, "release.txt"));
  server = await startServer({ cwd: dir, env });
  port = server.port;
}, 120_000);

afterAll(async () => {
  server?.child.kill("SIGTERM");
  await connector.stop();
});

describe("npm start with TEAMS_ENABLED=true, then digest --run-now", () => {
  it('replies to "latest" at the activity\'s serviceUrl with an Adaptive Card in both languages', async () => {
    const activity = personalMessage(connector.url, "latest");
    expect((await postActivity(port, activity)).status).toBe(200);
    const reply = await connector.waitFor((c) => c.body.type === "message" && c.conversationId === PERSONAL, 60_000);
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent(PERSONAL)}/activities/${activity.id}`);
    const attachments = reply.body.attachments as { contentType: string; content: { body: unknown[] } }[];
    expect(attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const body = JSON.stringify(attachments[0]?.content.body);
    expect(body).toContain("NATO Allies agree new plan to boost ammunition production");
    expect(body).toMatch(/English · /);
    expect(body).toMatch(/Français · /);
  }, 90_000);

  it("delivers the digest once, proactively, to the channel that subscribed after the install", async () => {
    connector.reset();
    expect((await postActivity(port, teamMembership(connector.url, "added"))).status).toBe(200);
    await connector.waitFor((c) => c.body.type === "message");
    expect((await postActivity(port, channelMessage(connector.url, "subscribe 08:00 UTC"))).status).toBe(200);
    const subscribed = await connector.waitFor((c) => /Subscribed/.test(String(c.body.text)));
    expect(subscribed.conversationId).toContain(CHANNEL);
    connector.reset();

    const first = await cli("digest", "--run-now");
    expect(first.stdout).toMatch(/posted/i);
    const posts = connector.calls.filter((c) => c.kind === "send" && c.body.type === "message");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`);
    expect(JSON.stringify(posts[0]?.body)).toContain("NATO Allies agree new plan to boost ammunition production");

    await cli("digest", "--run-now");
    expect(connector.calls.filter((c) => c.kind === "send" && c.body.type === "message")).toHaveLength(1);
  }, 180_000);
});

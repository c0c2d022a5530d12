import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { FixtureWebServer, natoSiteRoutes, PATHS } from "../fakes/fixture-web-server.js";
import { freshSchema, type TestSchema } from "../helpers/postgres.js";
import { replicaEnv } from "../helpers/replica-env.js";
import { pgUnavailable } from "../helpers/replica-pg.js";
import { type Replica, startReplica } from "../helpers/replica-process.js";
import { postToSlackApp, slashCommand } from "../helpers/slack-requests.js";

/**
 * Three `npm start` replicas on one PostgreSQL schema, polling a fixture site every second and serving Slack:
 * a release one replica ingests is answered by another (LISTEN/NOTIFY keeps each one's search index current:
 * the other replica logs that it re-read that release); exactly one replica polls (the leader of a session
 * advisory lock), never two at once; when the leader is SIGKILLed another takes over (its next poll).
 */
const SECRET = "replicas-secret";
const skip = await pgUnavailable();

describe.skipIf(skip)("replicas on PostgreSQL: one poller, fresh indexes", () => {
  const fake = new FakeSlackApi();
  let site: FixtureWebServer;
  let schema: TestSchema;
  let replicas: Replica[] = [];
  const agentOf = (r: Replica) => `nato-brief-test/${r.name}`;

  beforeAll(async () => {
    await fake.start();
    site = await FixtureWebServer.start(natoSiteRoutes());
    // The feed answers slowly: two polls at once would overlap there and show in `inFlight`.
    site.set(PATHS.rss, { file: "rss.xml", type: "application/rss+xml", delayMs: 150 });
    schema = await freshSchema("leader");
    const env = (n: number): NodeJS.ProcessEnv =>
      replicaEnv(
        { databaseUrl: schema.url, botToken: `xoxb-replica-${n}`, signingSecret: SECRET, slackApiUrl: fake.apiUrl },
        {
          NATO_BASE_URL: site.url,
          NATO_SITE_ENABLED: "false",
          ALLOWED_SOURCE_HOSTS: site.host,
          SOURCES_FEEDS: `${site.url}${PATHS.rss}`,
          SOURCES_POLL: "true",
          SOURCES_POLL_CRON: "* * * * * *",
          SOURCES_MIN_INTERVAL_MS: "0",
          // Who fetched what, as the site sees it.
          SOURCES_USER_AGENT: `nato-brief-test/replica-${n}`,
          POLLER_LEADER_RETRY_MS: "500",
          QA_RATE_LIMIT_PER_HOUR: "1000",
          // "search index refreshed from another replica" is a debug line.
          LOG_LEVEL: "debug",
        },
      );
    // One first (it migrates), then two together.
    replicas = [await startReplica("replica-1", env(1))];
    replicas.push(...(await Promise.all([startReplica("replica-2", env(2)), startReplica("replica-3", env(3))])));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await fake.close();
    await site?.close();
    await schema?.drop();
  });

  // Each request from its own user and channel: a repeated question in one conversation would be read as a
  // follow-up of the first, and favour the release that answered it.
  const slack = (r: Replica, text: string, id: string) =>
    postToSlackApp(
      `http://127.0.0.1:${r.port}/slack/events`,
      SECRET,
      slashCommand({
        text,
        responseUrl: fake.responseUrl(id),
        userId: `U${id.toUpperCase()}`,
        channelId: `C${id.toUpperCase()}`,
      }),
    );
  const answerText = (id: string) =>
    fake
      .responsesTo(id)
      .map((r) => JSON.stringify(r.body))
      .join("\n");

  it("answers on replica B a question about a release ingested through replica A, told by A's change notice", async () => {
    const [a, b] = replicas as [Replica, Replica];
    // B's index is built (from a store without this release) before A stores it: only A's notice can tell B.
    await b.waitForLog((l) => /^search index (built from the store|loaded from its snapshot)/.test(l.msg));
    // A page no feed lists (the poller never stores it), pasted into a chat served by A.
    expect((await slack(a, `${site.url}${PATHS.legacy}`, "ingest")).status).toBe(200);
    await fake.waitFor(() => answerText("ingest").includes("Vilnius"), 30_000);
    const id = /feedback:([^"\\]+)/.exec(answerText("ingest"))?.[1];
    expect(id).toBeDefined();
    // The mechanism, not its speed: B re-read that release because A announced it (LISTEN/NOTIFY). The deadline
    // only bounds a hang.
    await b.waitForLog(
      (l) => l.msg === "search index refreshed from another replica" && JSON.stringify(l).includes(id!),
      30_000,
    );
    let answer = "";
    for (let i = 0; i < 20; i++) {
      expect((await slack(b, "ask Which city did Radmila Shekerinska visit?", `ask${i}`)).status).toBe(200);
      answer = await fake.waitFor(() => fake.responsesTo(`ask${i}`).length > 0 && answerText(`ask${i}`), 10_000);
      if (answer.includes("Vilnius") && answer.includes(PATHS.legacy)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // The sentence from that release, and the release cited.
    expect(answer).toContain("Vilnius");
    expect(answer).toContain(PATHS.legacy);
  }, 120_000);

  it("polls from one replica at a time; a SIGKILLed leader is replaced by another poller", async () => {
    const feed = () => site.requestsTo(PATHS.rss);
    await waitUntil(() => feed().length >= 3, 30_000);
    const pollers = new Set(feed().map((r) => String(r.headers["user-agent"])));
    expect(pollers.size).toBe(1);
    const leader = replicas.find((r) => pollers.has(agentOf(r)))!;
    expect(leader.logs.some((l) => l.msg === "became poller leader")).toBe(true);
    for (const r of replicas.filter((x) => x !== leader)) {
      expect(r.logs.some((l) => l.msg === "became poller leader")).toBe(false);
    }

    await leader.kill();
    const killedAt = Date.now();
    const seen = feed().length;
    replicas = replicas.filter((r) => r !== leader);
    await waitUntil(
      () =>
        feed()
          .slice(seen)
          .some((r) => r.headers["user-agent"] !== agentOf(leader)),
      60_000,
    );
    // waitUntil's 60 s deadline only bounds a hang: the takeover is asserted by who polls next, not how fast.
    const tookOverMs = Date.now() - killedAt;
    // A few more passes from the new leader alone.
    await waitUntil(() => feed().length >= seen + 3, 30_000);
    const after = new Set(
      feed()
        .slice(seen)
        .map((r) => String(r.headers["user-agent"])),
    );
    after.delete(agentOf(leader));
    expect(after.size).toBe(1);
    const next = replicas.find((r) => after.has(agentOf(r)))!;
    expect(next.logs.some((l) => l.msg === "became poller leader")).toBe(true);
    // /healthz says which replica polls.
    const leading = await Promise.all(
      replicas.map(
        async (r) =>
          ((await (await fetch(`http://127.0.0.1:${r.port}/healthz`)).json()) as { pollerLeader?: boolean })
            .pollerLeader,
      ),
    );
    expect(leading.filter(Boolean)).toHaveLength(1);
    expect(leading[replicas.indexOf(next)]).toBe(true);
    // Never two polls of the feed at once, in the whole test.
    expect(site.inFlight.get(PATHS.rss)?.max).toBe(1);
    console.log(`poller leader ${leader.name} killed; ${next.name} polled ${tookOverMs} ms later`);
  }, 120_000);
});

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

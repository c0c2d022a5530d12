import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventCallback, slackSignature, slashCommand } from "../helpers/slack-requests.js";
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from "./slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Nothing reached a listener: no Web API call after start-up's auth.test, nothing sent to the response URL. */
async function expectNothingDone(responseId: string) {
  await new Promise((r) => setTimeout(r, 300));
  expect(h.fake.responsesTo(responseId)).toEqual([]);
  expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
}

describe("Slack request verification over HTTP", () => {
  it("checks the bot token once at start-up against SLACK_API_URL", () => {
    expect(h.fake.callsOf("auth.test")).toHaveLength(1);
    expect(h.fake.callsOf("auth.test")[0]!.headers.authorization).toBe("Bearer xoxb-test-token");
  });

  it("answers 401 to an unsigned request and does nothing", async () => {
    const res = await h.send(slashCommand({ text: "latest", responseUrl: h.fake.responseUrl("unsigned") }), {
      unsigned: true,
    });
    expect(res.status).toBe(401);
    await expectNothingDone("unsigned");
  });

  it("answers 401 to a wrong signature and does nothing", async () => {
    const req = slashCommand({ text: "latest", responseUrl: h.fake.responseUrl("forged") });
    const ts = Math.floor(Date.now() / 1000);
    const res = await h.send(req, { timestamp: ts, signature: slackSignature("not-the-secret", ts, req.body) });
    expect(res.status).toBe(401);
    await expectNothingDone("forged");
  });

  it("answers 401 when the body was changed after signing", async () => {
    const signed = slashCommand({ text: "help", responseUrl: h.fake.responseUrl("tampered") });
    const ts = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, ts, signed.body);
    const res = await h.send({ ...signed, body: signed.body.replace("help", "latest") }, { timestamp: ts, signature });
    expect(res.status).toBe(401);
    await expectNothingDone("tampered");
  });

  it("answers 401 to a correctly signed but stale request (older than 5 minutes): no replay", async () => {
    const res = await h.send(slashCommand({ text: "latest", responseUrl: h.fake.responseUrl("stale") }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await expectNothingDone("stale");
  });

  it("answers 401 when only one of the two Slack headers is there", async () => {
    const req = slashCommand({ text: "latest", responseUrl: h.fake.responseUrl("half") });
    const ts = Math.floor(Date.now() / 1000);
    const noTimestamp = await h.send(req, {
      unsigned: true,
      headers: { "x-slack-signature": slackSignature(SIGNING_SECRET, ts, req.body) },
    });
    const noSignature = await h.send(req, { unsigned: true, headers: { "x-slack-request-timestamp": String(ts) } });
    expect([noTimestamp.status, noSignature.status]).toEqual([401, 401]);
    await expectNothingDone("half");
  });

  it("answers 401 to an unsigned event and posts nothing", async () => {
    const dm = { type: "message", channel: "D1", channel_type: "im", user: "U1", text: "latest", ts: "1.1" };
    const res = await h.send(eventCallback(dm, "EvUnsigned"), { unsigned: true });
    expect(res.status).toBe(401);
    await expectNothingDone("none");
  });

  it("serves only POST on /slack/events; /healthz still answers on the same port", async () => {
    const base = h.url.replace("/slack/events", "");
    expect((await fetch(h.url)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

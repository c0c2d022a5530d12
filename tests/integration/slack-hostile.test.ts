import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { malformed } from "../helpers/slack-malformed.js";
import { blockAction, eventCallback, slashCommand } from "../helpers/slack-requests.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

async function healthy() {
  const res = await fetch(h.url.replace("/slack/events", "/healthz"));
  return res.status;
}

describe("signed Slack requests whose body is not what Slack sends (issue 15, finding 1)", () => {
  it("a body that parses to null (payload=null, JSON null) is a 400, and the server lives on", async () => {
    for (const kind of ["payload-null", "json-null", "json-array", "json-number"] as const) {
      const res = await h.send(malformed(kind, h.fake.responseUrl(kind)));
      expect([kind, res.status]).toEqual([kind, 400]);
    }
    expect(await healthy()).toBe(200);
    expect(h.slack.health().rejectedRequests).toBeGreaterThanOrEqual(4);
  });

  it("broken JSON, in the body or in payload=, is a 400; unsigned, it is still a 401", async () => {
    expect((await h.send(malformed("broken-json", h.fake.responseUrl()))).status).toBe(400);
    expect((await h.send(malformed("payload-broken", h.fake.responseUrl()))).status).toBe(400);
    expect((await h.send(malformed("payload-null", h.fake.responseUrl()), { unsigned: true })).status).toBe(401);
  });

  it("an object Slack never sends (no command, no known type) is a 400 from our guard, not Bolt's 404 after 3 s", async () => {
    // Refused by the request guard before Bolt sees it (counted as rejected): Bolt's unhandled-request timeout,
    // a 404 after 3 s, is never reached, so there is no wait to measure.
    const rejected = h.slack.health().rejectedRequests;
    const res = await h.send(malformed("unknown-body", h.fake.responseUrl()));
    expect(res.status).toBe(400);
    expect(h.slack.health().rejectedRequests).toBe(rejected + 1);
  });
});

describe("signed but malformed fields never reach our code as a 500 (finding 6)", () => {
  it("/nato-brief without a text field is answered like an empty one (the latest brief)", async () => {
    const res = await h.send(malformed("command-without-text", h.fake.responseUrl("no-text")));
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responsesTo("no-text").length > 0);
    expect(JSON.stringify(h.fake.responsesTo("no-text")[0]!.body)).toContain("Breton");
  });

  it("a field given twice (text=latest&text=help) is a 400: which one was meant is not ours to guess", async () => {
    const res = await h.send(malformed("duplicated-text", h.fake.responseUrl("twice")));
    expect(res.status).toBe(400);
  });

  it("a number where the DM text belongs is acknowledged and ignored", async () => {
    const before = h.fake.calls.length;
    const res = await h.send(malformed("numeric-event-text", h.fake.responseUrl()));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.slice(before).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });

  it("a number as a button value is acknowledged and ignored; no listener failed", async () => {
    const res = await h.send(malformed("numeric-button-value", h.fake.responseUrl("num-button")));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responsesTo("num-button")).toEqual([]);
    expect(h.slack.health().listenerFailures).toBe(0);
  });

  it("a numeric slash-command text in a JSON body is read as no text, not a crash", async () => {
    const body = JSON.stringify({ command: "/nato-brief", text: 5, user_id: "U1", channel_id: "C1", team_id: "T1" });
    const res = await h.send({ body, contentType: "application/json" });
    expect(res.status).toBeLessThan(500);
  });
});

describe("response_url goes only to Slack's hooks host (finding 7)", () => {
  const foreign = "http://127.0.0.2:9/response/elsewhere";

  it("a slash command naming another response_url is a 400 and nothing is posted", async () => {
    const res = await h.send(slashCommand({ text: "latest", responseUrl: foreign }));
    expect(res.status).toBe(400);
  });

  it("so is a button click", async () => {
    const res = await h.send(blockAction({ actionId: "brief_show", value: "x", responseUrl: foreign }));
    expect(res.status).toBe(400);
  });

  it("events carry no response_url and still work", async () => {
    const dm = { type: "message", channel: "D9", channel_type: "im", user: "U1", text: "help", ts: "1.2" };
    expect((await h.send(eventCallback(dm, "EvHostileOk"))).status).toBe(200);
  });
});

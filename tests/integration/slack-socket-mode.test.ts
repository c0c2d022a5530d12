import { afterEach, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";

let fake: FakeSlackApi | undefined;
let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await fake?.close();
  fake = undefined;
});

describe("Slack over Socket Mode (SLACK_APP_TOKEN set)", () => {
  it("connects with the app token, answers a slash command envelope, and mounts no HTTP route", async () => {
    fake = await new FakeSlackApi().start();
    fake.socketMode.enabled = true;
    h = await startSlackHarness({ SLACK_APP_TOKEN: "xapp-1-test", SLACK_API_URL: fake.apiUrl }, fake);
    expect(h.slack.mode).toBe("socket");
    expect(fake.callsOf("apps.connections.open")[0]!.headers.authorization).toBe("Bearer xapp-1-test");
    await fake.socketMode.server.waitConnected();

    const envelopeId = fake.socketMode.server.sendEnvelope("slash_commands", {
      command: "/nato-brief",
      text: "latest",
      team_id: "T1",
      user_id: "U1",
      channel_id: "C1",
      response_url: fake.responseUrl("socket"),
      trigger_id: "1.2.3",
      api_app_id: "A1",
    });
    const acks = fake.socketMode.server.acks;
    await fake.waitFor(() => acks.some((a) => a.envelope_id === envelopeId));
    expect(JSON.stringify(acks.find((a) => a.envelope_id === envelopeId))).toContain("Working on it");
    const [post] = await fake.waitFor(() => fake!.responsesTo("socket").length > 0 && fake!.responsesTo("socket"));
    expect(JSON.stringify(post!.body.blocks)).toContain("Stoltenberg");

    // Over Socket Mode nothing listens on /slack/events.
    const res = await h.send({ body: "{}", contentType: "application/json" });
    expect(res.status).toBe(404);
  });

  it("fails start-up with Slack's error when the app token is refused", async () => {
    const err = await startSlackHarness({ SLACK_APP_TOKEN: "xapp-bad" }).catch((e: Error) => e);
    expect(String(err)).toMatch(/Socket Mode could not connect.*invalid_auth/);
  });
});

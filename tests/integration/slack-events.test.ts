import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCHING_STATUS, SUGGESTED_PROMPTS } from "../../adapters/slack/listeners/assistant/nato-assistant.js";
import { blockKitProblems } from "../helpers/slack-blocks.js";
import { eventCallback } from "../helpers/slack-requests.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 400));
const postsTo = (channel: string) => h.fake.callsOf("chat.postMessage").filter((c) => c.body.channel === channel);
const dm = (channel: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel,
  channel_type: "im",
  user: "U1",
  text,
  ts: "1700000000.000100",
  event_ts: "1700000000.000100",
  ...extra,
});

describe("direct messages (message.im)", () => {
  it("answers a command word in the DM with blocks", async () => {
    const res = await h.send(eventCallback(dm("D1", "latest"), "EvDm1"));
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitFor(() => postsTo("D1").length > 0 && postsTo("D1"));
    expect(JSON.stringify(post!.body.blocks)).toContain("Stoltenberg");
    expect(blockKitProblems(post!.body.blocks as unknown[])).toEqual([]);
    expect(JSON.stringify(post!.body.blocks)).not.toContain("brief_share");
  });

  it("answers a redelivered event (same event_id, X-Slack-Retry-Num) once", async () => {
    const event = eventCallback(dm("D2", "help"), "EvRetried");
    const first = await h.send(event);
    const retries = await Promise.all([
      h.send(event, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } }),
      h.send(event, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } }),
    ]);
    expect([first.status, ...retries.map((r) => r.status)]).toEqual([200, 200, 200]);
    await h.fake.waitFor(() => postsTo("D2").length > 0);
    await settle();
    expect(postsTo("D2")).toHaveLength(1);
    // A new event with the same words is a new question, answered again.
    await h.send(eventCallback(dm("D2", "help"), "EvNotARetry"));
    await h.fake.waitFor(() => postsTo("D2").length === 2);
  });

  it("treats free text as a question for the Q&A", async () => {
    await h.send(eventCallback(dm("D3", "What did Stoltenberg say about Ukraine?"), "EvQuestion"));
    const [post] = await h.fake.waitFor(() => postsTo("D3").length > 0 && postsTo("D3"));
    expect(JSON.stringify(post!.body)).not.toContain("unknown command");
  });

  it("ignores its own messages, edits and other bots", async () => {
    await h.send(eventCallback(dm("D4", "latest", { bot_id: "BOTHER" }), "EvBot"));
    await h.send(eventCallback(dm("D4", "latest", { subtype: "message_changed" }), "EvEdit"));
    await h.send(eventCallback(dm("D4", "latest", { user: "UBOT", bot_id: "BBOT" }), "EvSelf"));
    await settle();
    expect(postsTo("D4")).toEqual([]);
  });
});

describe("assistant threads", () => {
  const thread = {
    channel_id: "D9",
    thread_ts: "1700000100.000100",
    user_id: "U1",
    context: { channel_id: "C1", team_id: "T1" },
  };

  it("greets in both languages with suggested prompts in English and French", async () => {
    await h.send(
      eventCallback(
        { type: "assistant_thread_started", assistant_thread: thread, event_ts: "1700000100.000200" },
        "EvStart",
      ),
    );
    const [prompts] = await h.fake.waitFor(
      () =>
        h.fake.callsOf("assistant.threads.setSuggestedPrompts").length > 0 &&
        h.fake.callsOf("assistant.threads.setSuggestedPrompts"),
    );
    expect(prompts!.body).toMatchObject({ channel_id: "D9", thread_ts: thread.thread_ts, prompts: SUGGESTED_PROMPTS });
    const titles = SUGGESTED_PROMPTS.map((p) => p.title).join(" ");
    expect(titles).toMatch(/Latest/);
    expect(titles).toMatch(/communiqué/);
    const greeting = postsTo("D9")[0]!;
    expect(greeting.body).toMatchObject({ thread_ts: thread.thread_ts });
    expect(String(greeting.body.text)).toMatch(/English or French.*anglais ou en français/);
  });

  it("shows 'Searching the releases…' then answers in the thread, once per event", async () => {
    const before = postsTo("D9").length;
    const message = dm("D9", "latest", { thread_ts: thread.thread_ts, ts: "1700000100.000300" });
    await h.send(eventCallback(message, "EvAsk"));
    await h.send(eventCallback(message, "EvAsk"), { headers: { "x-slack-retry-num": "1" } });
    await h.fake.waitFor(() => postsTo("D9").length > before);
    await settle();
    const status = h.fake.callsOf("assistant.threads.setStatus");
    expect(status).toHaveLength(1);
    expect(status[0]!.body).toMatchObject({ channel_id: "D9", thread_ts: thread.thread_ts, status: SEARCHING_STATUS });
    const answers = postsTo("D9").slice(before);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.thread_ts).toBe(thread.thread_ts);
    expect(JSON.stringify(answers[0]!.body.blocks)).toContain("Stoltenberg");
    // The status came first: the fake records calls in the order they arrived (no clock compared).
    expect(h.fake.calls.indexOf(status[0]!)).toBeLessThan(h.fake.calls.indexOf(answers[0]!));
    // The thread's context is kept by our store: Bolt's default would read the thread history back.
    expect(h.fake.callsOf("conversations.replies")).toEqual([]);
  });
});

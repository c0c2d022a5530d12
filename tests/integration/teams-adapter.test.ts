import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cardBytes, MAX_CARD_BYTES } from "../../adapters/teams/render/card-types.js";
import { parseTarget } from "../../src/core/domain/subscription.js";
import { RateLimitedError, TargetGoneError } from "../../src/core/ports/chat-target.port.js";
import type { ConnectorCall } from "../fakes/fake-bot-connector.js";
import {
  BOT,
  CHANNEL,
  cardSubmit,
  channelMessage,
  installationUpdate,
  PERSONAL,
  personalMessage,
  postActivity,
  TEAM,
  teamMembership,
} from "../helpers/teams-activities.js";
import { sampleDigestPart } from "../helpers/teams-fixtures.js";
import { adaptiveCardValidator } from "../helpers/teams-schemas.js";
import { seedPairedRelease, startTeamsHarness, type TeamsHarness } from "./teams-harness.js";

let h: TeamsHarness;
const validate = adaptiveCardValidator();

beforeAll(async () => {
  h = await startTeamsHarness();
  await seedPairedRelease(h.app);
}, 60_000);
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.connector.reset();
});

/** POSTs an activity into /api/messages and waits for every reply it caused (slow commands answer later). */
async function send(activity: unknown, headers?: Record<string, string>) {
  const res = await postActivity(h.port, activity, headers);
  await h.teams.idle();
  return res;
}

interface CardAttachment {
  contentType: string;
  content: { version: string; body: unknown[]; actions?: { title: string; data?: Record<string, string> }[] };
}
const cardOf = (call: ConnectorCall | undefined) => (call?.body.attachments as CardAttachment[] | undefined)?.[0];

describe("Teams adapter over HTTP (auth disabled, TEAMS_ENABLED=true)", () => {
  it('answers "latest" in personal chat with an Adaptive Card carrying the brief in both languages', async () => {
    const activity = personalMessage(h.connector.url, "latest");
    const res = await send(activity);
    expect(res.status).toBe(200);
    const typing = h.connector.calls.find((c) => c.body.type === "typing");
    expect(typing?.path).toBe(`/v3/conversations/${encodeURIComponent(PERSONAL)}/activities/${activity.id}`);
    const [reply] = h.connector.messages;
    expect(reply?.kind).toBe("reply");
    expect(reply?.path).toBe(`/v3/conversations/${encodeURIComponent(PERSONAL)}/activities/${activity.id}`);
    const card = cardOf(reply);
    expect(card?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(validate(card?.content)).toBe(true);
    const body = JSON.stringify(card?.content.body);
    expect(body).toContain("Secretary General meets EU Commissioner Thierry Breton");
    expect(body).toContain("Le Secrétaire général reçoit le commissaire européen Thierry Breton");
    expect(body).toMatch(/English · /);
    expect(body).toMatch(/Français · /);
    expect(body).toContain("(https://www.nato.int/cps/fr/natohq/news_222.htm)");
    // The conversation is remembered for digests.
    expect((await h.app.conversationRefs.get(`teams:${PERSONAL}`))?.conversationType).toBe("personal");
  });

  it("reads a channel message only after an @mention, with the mention removed before parsing", async () => {
    await send(channelMessage(h.connector.url, "latest", false));
    expect(h.connector.calls).toEqual([]);
    const activity = channelMessage(h.connector.url, "help");
    await send(activity);
    const [reply] = h.connector.messages;
    expect(reply?.conversationId).toBe(activity.conversation.id);
    expect(reply?.activityId).toBe(activity.id);
    const body = JSON.stringify(cardOf(reply)?.content.body);
    expect(body).toContain("subscribe");
    expect(body).not.toContain("unknown command");
    // The channel (not the thread) is what a digest would go to.
    expect((await h.app.conversationRefs.get(`teams:${CHANNEL}`))?.teamId).toBe(TEAM);
  });

  it("treats other text in personal chat as a question for the core Q&A, and unknown words in channels as help", async () => {
    await send(personalMessage(h.connector.url, "How much did NSPA authorise in contracts?"));
    const [answer] = h.connector.messages;
    const answerText = JSON.stringify(answer?.body);
    expect(answerText).not.toContain("unknown command");
    expect(answerText).toMatch(/10 billion|Sources|no answer|not/i);
    h.connector.reset();
    await send(channelMessage(h.connector.url, "How much did NSPA authorise?"));
    expect(JSON.stringify(h.connector.messages[0]?.body)).toContain("unknown command");
  });

  it("switches a card's language in place and records 👍 (Action.Submit)", async () => {
    await send(personalMessage(h.connector.url, "latest"));
    const card = cardOf(h.connector.messages[0]);
    const french = card?.content.actions?.find((a) => a.title === "Français");
    const up = card?.content.actions?.find((a) => a.title === "👍");
    expect(french?.data && up?.data).toBeTruthy();
    h.connector.reset();

    await send(cardSubmit(h.connector.url, french!.data!, "card-42"));
    const update = h.connector.calls.find((c) => c.kind === "update");
    expect(update?.method).toBe("PUT");
    expect(update?.activityId).toBe("card-42");
    const updated = JSON.stringify(cardOf(update)?.content.body);
    expect(updated).toContain("Le Secrétaire général");
    expect(updated).not.toContain("Secretary General meets");

    h.connector.reset();
    await send(cardSubmit(h.connector.url, up!.data!, "card-42"));
    expect(String(h.connector.messages[0]?.body.text)).toMatch(/Thanks for your feedback/);
    const data = up!.data!;
    expect(await h.app.feedback.tally({ contentHash: data.h!, engine: data.e!, promptVersion: data.p! })).toEqual({
      up: 1,
      down: 0,
    });

    h.connector.reset();
    await send(
      cardSubmit(h.connector.url, { natoBrief: "feedback", r: "forged", v: "up", h: "x", e: "y", p: "z" }, "c"),
    );
    expect(String(h.connector.messages[0]?.body.text)).toMatch(/no longer stored/);
  });

  it("stores the reference on install, posts a digest proactively with it, and forgets it on uninstall", async () => {
    const res = await send(teamMembership(h.connector.url, "added"));
    expect(res.status).toBe(200);
    expect(String(h.connector.messages[0]?.body.text)).toMatch(/Mention me/);
    const key = `teams:${TEAM}`;
    expect(await h.app.conversationRefs.get(key)).toBeDefined();
    h.connector.reset();

    const target = h.app.chatTargets.get("teams")!;
    const result = await target.post(parseTarget(key), sampleDigestPart(2), { idempotencyKey: "k1" });
    const [post] = h.connector.messages;
    expect(post?.kind).toBe("send");
    expect(post?.path).toBe(`/v3/conversations/${encodeURIComponent(TEAM)}/activities`);
    expect(post?.body.from).toMatchObject({ id: BOT.id });
    expect(result.messageId).toMatch(/^fake-activity-/);
    expect(JSON.stringify(cardOf(post)?.content.body)).toContain("NATO digest · 2024-02-14");
    expect(target.measure(sampleDigestPart(2))).toBeLessThan(target.limits.maxPartSize);

    await send(teamMembership(h.connector.url, "removed"));
    expect(await h.app.conversationRefs.get(key)).toBeUndefined();
    expect(await h.app.conversationRefs.get(`teams:${CHANNEL}`)).toBeUndefined();
    await expect(target.post(parseTarget(key), sampleDigestPart(1), { idempotencyKey: "k2" })).rejects.toBeInstanceOf(
      TargetGoneError,
    );
  });

  it("handles installationUpdate add and remove", async () => {
    await send(installationUpdate(h.connector.url, "add"));
    expect(await h.app.conversationRefs.get(`teams:${PERSONAL}`)).toBeDefined();
    await send(installationUpdate(h.connector.url, "remove"));
    expect(await h.app.conversationRefs.get(`teams:${PERSONAL}`)).toBeUndefined();
  });

  it("retries a reply answered 429 (then 412), and maps digest failures to the port's errors", async () => {
    h.connector.enqueue({ status: 429, kind: "reply" }, { status: 412, kind: "reply" });
    await send(channelMessage(h.connector.url, "help"));
    expect(h.connector.calls.filter((c) => c.body.type === "message").map((c) => c.status)).toEqual([429, 412, 200]);
    expect(h.slept.length).toBeGreaterThanOrEqual(2);

    await send(teamMembership(h.connector.url, "added"));
    const target = h.app.chatTargets.get("teams")!;
    const key = parseTarget(`teams:${TEAM}`);
    h.connector.reset();
    h.connector.enqueue({ status: 412, kind: "send" });
    await expect(target.post(key, sampleDigestPart(1), { idempotencyKey: "k3" })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(h.connector.calls).toHaveLength(1);
    h.connector.enqueue({ status: 403, kind: "send" });
    await expect(target.post(key, sampleDigestPart(1), { idempotencyKey: "k4" })).rejects.toBeInstanceOf(
      TargetGoneError,
    );
    expect(await h.app.conversationRefs.get(key.key)).toBeUndefined();
  });

  it("answers malformed or oversized bodies with 4xx and keeps serving", async () => {
    expect((await postActivity(h.port, "{not json")).status).toBe(400);
    expect((await postActivity(h.port, "[1,2]")).status).toBe(400);
    expect((await postActivity(h.port, JSON.stringify({ type: "message", text: "x".repeat(300_000) }))).status).toBe(
      413,
    );
    expect((await postActivity(h.port, { text: "no type" })).status).toBe(400);
    expect((await send(personalMessage(h.connector.url, "help"))).status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
  });

  it("answers a repeated delivery of the same message once", async () => {
    const activity = personalMessage(h.connector.url, "help");
    await send(activity);
    await send(activity);
    expect(h.connector.messages).toHaveLength(1);
  });

  it("keeps the card of a 50,000-word release under 80 KB", async () => {
    const h2 = await startTeamsHarness();
    try {
      await seedPairedRelease(h2.app, 50_000);
      await postActivity(h2.port, personalMessage(h2.connector.url, "latest"));
      await h2.teams.idle();
      const card = cardOf(h2.connector.messages[0]);
      expect(card).toBeDefined();
      expect(validate(card?.content)).toBe(true);
      expect(cardBytes(card!.content as never)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(Buffer.byteLength(JSON.stringify(h2.connector.messages[0]?.body), "utf16le")).toBeLessThan(100 * 1024);
    } finally {
      await h2.stop();
    }
  }, 120_000);
});

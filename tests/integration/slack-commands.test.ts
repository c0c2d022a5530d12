import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitViolations } from "../../adapters/slack/render/limits.js";
import type { ResponseUrlPost } from "../fakes/fake-slack-api.js";
import { blockKitProblems } from "../helpers/slack-blocks.js";
import { slashCommand } from "../helpers/slack-requests.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  h.fake.users.set("U1", { id: "U1", locale: "en-US" });
  h.fake.users.set("UFR", { id: "UFR", locale: "fr-FR" });
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
/** Sends `/nato-brief TEXT` signed; returns the HTTP answer and a way to wait for the response_url posts. */
async function command(text: string, user = "U1") {
  const id = `cmd${++n}`;
  const res = await h.send(slashCommand({ text, responseUrl: h.fake.responseUrl(id), userId: user }));
  const ack = res.text ? (JSON.parse(res.text) as { text?: string; blocks?: unknown[]; response_type?: string }) : {};
  const result = (count = 1) => h.fake.waitFor(() => h.fake.responsesTo(id).length >= count && h.fake.responsesTo(id));
  return { res, ack, id, result };
}

const sections = (post: ResponseUrlPost | { blocks?: unknown }) =>
  ((("body" in post ? post.body.blocks : post.blocks) ?? []) as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === "section")
    .map((b) => b.text!.text);

function expectValidMessage(body: { text?: unknown; blocks?: unknown }) {
  const message = { text: String(body.text ?? ""), blocks: (body.blocks ?? []) as never[] };
  expect(blockKitProblems(message.blocks)).toEqual([]);
  expect(limitViolations(message)).toEqual([]);
}

describe("/nato-brief over signed HTTP", () => {
  it("latest: acks 200 with 'Working on it…' before any of the work, then the brief in both languages reaches response_url", async () => {
    // Slack's 3 s rule, without a clock: the fake holds every answer of the work (users.info, the response_url
    // post) until the test has the ack. An ack that waited for the work would never come (the test would time out).
    const release = h.fake.hold();
    const { res, ack, id, result } = await command("latest");
    release();
    expect(res.status).toBe(200);
    expect(ack).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("Working on it") });
    const [post] = await result();
    expect(h.fake.responsesTo(id)).toHaveLength(1);
    expect(post!.body.response_type).toBe("ephemeral");
    expectValidMessage(post!.body);
    const [en, fr] = sections(post!);
    expect(en).toMatch(/_EN_/);
    expect(fr).toMatch(/Stoltenberg/);
    expect(fr).toMatch(/_FR_/);
    expect(JSON.stringify(post!.body.blocks)).toContain("brief_share");
  });

  it("latest 2 and show ID answer through response_url too", async () => {
    const [latest] = await (await command("latest 2")).result();
    expect(sections(latest!)).toHaveLength(2); // one stored release, both languages
    const id = (await h.app.store.listReleases({ limit: 1 }))[0]!.id;
    const [shown] = await (await command(`show ${id}`)).result();
    expect(JSON.stringify(shown!.body.blocks)).toContain(`feedback:${id}`);
  });

  it("help and unknown words answer in the ack itself, with what was wrong first", async () => {
    const help = await command("help");
    expect(help.res.status).toBe(200);
    expect(sections(help.ack).join("\n")).toContain("lang en|fr|both");
    const wrong = await command("frobnicate now");
    expect(sections(wrong.ack)[0]).toBe(':warning: unknown command "frobnicate"');
    expect(sections(wrong.ack)[1]).toContain("latest [N]");
    const badCount = await command("latest 99");
    expect(sections(badCount.ack)[0]).toContain("latest takes a number from 1 to 10");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responsesTo(help.id)).toEqual([]);
  });

  it("a URL outside the allowed hosts gets the ingest error, not a crash", async () => {
    const { ack, result } = await command("<https://evil.example/page|evil.example/page>");
    expect(ack.text).toContain("Working on it");
    const [post] = await result();
    expect(sections(post!)[0]).toMatch(/^:warning: /);
    expect(sections(post!)[0]).toContain("evil.example");
  });

  it("lang fr is stored for the user and the next brief shows French only, with the other choices offered", async () => {
    const set = await command("lang fr", "ULANG");
    expect(sections(set.ack)[0]).toContain("French");
    expect(await h.app.preferences.getLanguage("slack:T1:ULANG")).toBe("fr");
    const [post] = await (await command("latest", "ULANG")).result();
    expect(sections(post!)).toHaveLength(1);
    expect(sections(post!)[0]).toContain("_FR_");
    expect(JSON.stringify(post!.body.blocks)).toContain("brief_lang_en");
  });

  it("without a choice, a French Slack locale puts French first (users.info with include_locale)", async () => {
    const [post] = await (await command("latest", "UFR")).result();
    expect(sections(post!)[0]).toContain("_FR_");
    expect(sections(post!)[1]).toContain("_EN_");
    expect(h.fake.callsOf("users.info").find((c) => c.body.user === "UFR")?.body.include_locale).toBe("true");
  });

  it("subscribe creates the channel's digest subscription (keyed by workspace and channel), unsubscribe removes it", async () => {
    const sub = await command("subscribe 08:00 Europe/Brussels both");
    const text = [sub.ack.text ?? "", ...sections(sub.ack)].join("\n");
    expect(text).toContain("Subscribed");
    expect(await h.app.digests.subscriptions.findByTarget("slack:T1:C1")).toMatchObject({
      timezone: "Europe/Brussels",
      languages: "both",
    });
    const unsub = await command("unsubscribe");
    expect(sections(unsub.ack)[0]).toContain("Unsubscribed");
    expect(await h.app.digests.subscriptions.findByTarget("slack:T1:C1")).toBeUndefined();
  });

  it.each(["search Stoltenberg", "ask What did Stoltenberg say about Ukraine?"])(
    "%s gets an answer (whatever the core's Q&A returns today) as valid blocks",
    async (text) => {
      const { res, ack, id } = await command(text);
      expect(res.status).toBe(200);
      const body = ack.blocks
        ? ack
        : (await h.fake.waitFor(() => h.fake.responsesTo(id).length > 0 && h.fake.responsesTo(id)))[0]!.body;
      expectValidMessage(body);
      expect(sections(body as { blocks?: unknown }).length).toBeGreaterThan(0);
    },
  );
});

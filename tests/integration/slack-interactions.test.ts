import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitProblems } from "../helpers/slack-blocks.js";
import { blockAction, slashCommand } from "../helpers/slack-requests.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";

let h: SlackHarness;
let buttons: Map<string, string>;
beforeAll(async () => {
  h = await startSlackHarness();
  // The buttons come from a real /nato-brief latest answer.
  await h.send(slashCommand({ text: "latest", responseUrl: h.fake.responseUrl("origin") }));
  const [post] = await h.fake.waitFor(() => h.fake.responsesTo("origin").length > 0 && h.fake.responsesTo("origin"));
  const blocks = post!.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  buttons = new Map(
    blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements!.map((e) => [e.action_id, e.value])),
  );
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
async function click(
  actionId: string,
  value = buttons.get(actionId)!,
  options: { isEphemeral?: boolean; userId?: string } = {},
) {
  const id = `click${++n}`;
  const res = await h.send(blockAction({ actionId, value, responseUrl: h.fake.responseUrl(id), ...options }));
  return {
    res,
    id,
    posts: (count = 1) => h.fake.waitFor(() => h.fake.responsesTo(id).length >= count && h.fake.responsesTo(id)),
  };
}

describe("Slack buttons", () => {
  it("Share in channel posts the brief for everyone, says who shared it, and removes the ephemeral copy", async () => {
    const { res, posts } = await click("brief_share");
    expect(res.status).toBe(200);
    const [shared, removal] = await posts(2);
    expect(shared!.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    const json = JSON.stringify(shared!.body.blocks);
    expect(json).toContain("Shared by <@U1>");
    expect(json).not.toContain("brief_share");
    expect(json).toContain("Stoltenberg");
    expect(blockKitProblems(shared!.body.blocks as unknown[])).toEqual([]);
    expect(removal!.body).toEqual({ delete_original: true });
  });

  it("a language button replaces the user's ephemeral brief with that language", async () => {
    const { posts } = await click("brief_lang_fr");
    const [post] = await posts();
    expect(post!.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    const sections = (post!.body.blocks as { type: string; text?: { text: string } }[]).filter(
      (b) => b.type === "section",
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]!.text!.text).toContain("_FR_");
  });

  it("on a brief shared in the channel, the language button answers only the clicker", async () => {
    const { posts } = await click("brief_lang_en", undefined, { isEphemeral: false });
    const [post] = await posts();
    expect(post!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
  });

  it("👍/👎 are stored with the brief, one vote per user, and thanked", async () => {
    const brief = (await h.app.store.latestBriefFor((await h.app.store.listReleases({ limit: 1 }))[0]!.id))!;
    const key = { contentHash: brief.contentHash, engine: brief.engine, promptVersion: brief.promptVersion };
    const up = await click("brief_feedback_up");
    expect(JSON.stringify((await up.posts())[0]!.body)).toContain("Thanks for your feedback");
    await (await click("brief_feedback_up", undefined, { userId: "U2" })).posts();
    expect(await h.app.feedback.tally(key)).toEqual({ up: 2, down: 0 });
    await (await click("brief_feedback_down")).posts();
    expect(await h.app.feedback.tally(key)).toEqual({ up: 1, down: 1 });
  });

  it("Brief beside a search hit shows that release's brief to the clicker", async () => {
    const id = (await h.app.store.listReleases({ limit: 1 }))[0]!.id;
    const { posts } = await click("brief_show", id);
    const [post] = await posts();
    expect(post!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(post!.body.blocks)).toContain(`feedback:${id}`);
  });

  it("a forged feedback value records nothing", async () => {
    const forged = JSON.stringify({ r: "nope", h: "x", e: "offline", p: "1" });
    const { posts } = await click("brief_feedback_up", forged);
    const [post] = await posts();
    expect(JSON.stringify(post!.body)).toContain("no longer stored");
  });
});

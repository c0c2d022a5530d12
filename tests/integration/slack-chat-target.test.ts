import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotInstalledError } from "../../adapters/slack/oauth/sealed-installation-store.js";
import { renderDigestPart } from "../../adapters/slack/render/digest-blocks.js";
import { limitViolations } from "../../adapters/slack/render/limits.js";
import { DIGEST_EVENT_TYPE, SlackChatTarget } from "../../adapters/slack/slack-chat-target.js";
import type { DigestItem, DigestPart } from "../../src/core/digest/digest.js";
import { DigestPoster } from "../../src/core/digest/digest-poster.js";
import { splitDigest } from "../../src/core/digest/split-digest.js";
import { parseTarget } from "../../src/core/domain/subscription.js";
import {
  RateLimitedError,
  RejectedError,
  TargetGoneError,
  TransientError,
} from "../../src/core/ports/chat-target.port.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { blockKitProblems } from "../helpers/slack-blocks.js";

let fake: FakeSlackApi;
let target: SlackChatTarget;
beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  target = new SlackChatTarget({ botToken: "xoxb-digest", apiUrl: fake.apiUrl });
});
afterAll(async () => {
  await fake?.close();
});

const item = (i: number, text = `Allies met ${i} <!channel>`): DigestItem => ({
  releaseId: `r${i}`,
  published: "2024-02-13",
  text: {
    en: {
      headline: text,
      summary: `Summary ${i}. @here`,
      provenance: "machine-offline",
      label: "Machine translation (offline)",
    },
    fr: { headline: `Les Alliés ${i}`, summary: `Résumé ${i}.`, provenance: "source", label: "Texte source" },
  },
  links: { en: `https://www.nato.int/en/${i}`, fr: `https://www.nato.int/fr/${i}` },
});

function part(items: DigestItem[], index = 0, total = 1): DigestPart {
  return {
    digest: {
      subscriptionId: "s1",
      target: "slack:C42",
      period: "2024-02-14",
      languages: ["en", "fr"],
      topics: ["ukraine"],
      window: { since: "2024-02-13T07:00:00Z", until: "2024-02-14T07:00:00Z" },
      scheduledFor: "2024-02-14T07:00:00Z",
      timezone: "Europe/Brussels",
      delayed: false,
      omitted: 0,
      generatedAt: "2024-02-14T07:00:01Z",
    },
    items,
    index,
    total,
  };
}

describe("Slack ChatTarget (digests)", () => {
  const channel = parseTarget("slack:C42");

  it("posts a part with chat.postMessage, escaped, within limits, tagged with its idempotency key", async () => {
    const result = await target.post(channel, part([item(1), item(2)]), {
      idempotencyKey: "nato-brief:s1:2024-02-14:0",
    });
    const [call] = fake.callsOf("chat.postMessage");
    expect(call!.headers.authorization).toBe("Bearer xoxb-digest");
    expect(call!.body).toMatchObject({ channel: "C42", unfurl_links: "false" });
    expect(call!.body.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { key: "nato-brief:s1:2024-02-14:0" },
    });
    expect(JSON.stringify(call!.body.blocks)).not.toContain("<!channel>");
    expect(blockKitProblems(call!.body.blocks as unknown[])).toEqual([]);
    expect(result.messageId).toMatch(/^slack:C42:\d+\.\d+$/);
    expect(await target.findPosted(channel, "nato-brief:s1:2024-02-14:0")).toEqual(result);
    expect(await target.findPosted(channel, "nato-brief:s1:2024-02-14:1")).toBeUndefined();
  });

  it("turns 429 into RateLimitedError with Slack's Retry-After, without retrying by itself", async () => {
    fake.rateLimit("chat.postMessage", 7);
    const before = fake.callsOf("chat.postMessage").length;
    const err = await target.post(channel, part([item(3)]), { idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(7000);
    expect(fake.callsOf("chat.postMessage").length - before).toBe(1);
  });

  it("maps Slack errors to the port's kinds", async () => {
    const post = () => target.post(channel, part([item(4)]), { idempotencyKey: "k" }).catch((e: unknown) => e);
    fake.failWith("chat.postMessage", "channel_not_found");
    expect(await post()).toBeInstanceOf(TargetGoneError);
    fake.failWith("chat.postMessage", "is_archived");
    expect(await post()).toBeInstanceOf(TargetGoneError);
    fake.failWith("chat.postMessage", "invalid_blocks");
    expect(await post()).toBeInstanceOf(RejectedError);
    fake.failStatus("chat.postMessage", 503);
    expect(await post()).toBeInstanceOf(TransientError);
  });

  it("through the core's DigestPoster, a 429 is waited out for Retry-After and the part is posted once", async () => {
    const slept: number[] = [];
    const poster = new DigestPoster(target, {
      clock: { now: () => new Date() },
      sleep: async (ms) => {
        slept.push(ms);
      },
      random: () => 0,
      logger: silentLogger,
    });
    fake.rateLimit("chat.postMessage", 2, 2);
    const before = fake.callsOf("chat.postMessage").length;
    const result = await poster.post(parseTarget("slack:C77"), part([item(5)]), "key-77");
    expect(fake.callsOf("chat.postMessage").length - before).toBe(3);
    // Retry-After (× 1.0 with random() = 0) before each retry; the rest are the per-channel pacing waits.
    expect(slept.filter((ms) => ms === 2000).length).toBeGreaterThanOrEqual(2);
    expect(result.messageId).toMatch(/^slack:C77:/);
    expect(fake.callsOf("chat.postMessage").filter((c) => c.body.channel === "C77")).toHaveLength(3);
  });

  it("measures parts so the core's splitter keeps every Slack message within limits", () => {
    const many = Array.from({ length: 40 }, (_, i) => item(i, `${"Long headline ".repeat(20)}${i}`));
    const { digest } = part([]);
    const parts = splitDigest({ ...digest, items: many }, (p) => target.measure(p), target.limits.maxPartSize);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      const message = renderDigestPart(p);
      expect(limitViolations(message)).toEqual([]);
      expect(blockKitProblems(message.blocks)).toEqual([]);
    }
    expect(parts.flatMap((p) => p.items)).toHaveLength(40);
    // Nothing is cut to make a part fit: every item of every part is in its message, in both languages.
    const sections = parts.flatMap((p) => renderDigestPart(p).blocks.filter((b) => b.type === "section"));
    expect(sections).toHaveLength(80);
  });

  it("renders the empty digest and a huge single item within limits", () => {
    expect(JSON.stringify(renderDigestPart(part([])).blocks)).toContain("No new NATO releases");
    const huge = item(9, "word ".repeat(50_000));
    huge.text.en!.summary = "sentence ".repeat(50_000);
    const message = renderDigestPart(part([huge]));
    expect(limitViolations(message)).toEqual([]);
  });

  it("posts each target with its installation's token (slack:T…:C…); a workspace without one is gone", async () => {
    const tokens = {
      botToken: async (key: string | undefined) => {
        if (key === "T7") return "xoxb-workspace-7";
        throw new NotInstalledError(key);
      },
    };
    const perWorkspace = new SlackChatTarget({ tokens, apiUrl: fake.apiUrl });
    const result = await perWorkspace.post(parseTarget("slack:T7:C70"), part([item(1)]), { idempotencyKey: "k7" });
    const call = fake.callsOf("chat.postMessage").at(-1)!;
    expect(call.headers.authorization).toBe("Bearer xoxb-workspace-7");
    expect(call.body.channel).toBe("C70");
    expect(result.messageId).toMatch(/^slack:C70:/);
    const gone = perWorkspace.post(parseTarget("slack:T8:C80"), part([item(1)]), { idempotencyKey: "k8" });
    await expect(gone).rejects.toBeInstanceOf(TargetGoneError);
    await expect(gone).rejects.toThrow(/Slack app is not installed in T8/);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { FAST_REPLY_MS, natoBriefCommandCallback } from "../../adapters/slack/listeners/commands/nato-brief.js";
import { chatCommand } from "../../adapters/slack/listeners/events/chat-command.js";
import { dedupeEventsMiddleware } from "../../adapters/slack/listeners/middleware/dedupe-events.js";
import type { SlackDeps } from "../../adapters/slack/slack-deps.js";
import { UserLanguages } from "../../adapters/slack/user-languages.js";
import type { CommandHandler, Reply } from "../../src/core/commands/command-handler.js";
import type { Command, LangPreference } from "../../src/core/commands/parse-command.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import { makeBrief } from "../helpers/slack-blocks.js";

class MemoryPreferences implements PreferenceStore {
  readonly values = new Map<string, LangPreference>();
  async getLanguage(userKey: string) {
    return this.values.get(userKey);
  }
  async setLanguage(userKey: string, language: LangPreference) {
    this.values.set(userKey, language);
  }
}

/** A CommandHandler stand-in: records commands and answers with what the test gives it. */
function fakeHandler(answer: (c: Command) => Promise<Reply>, slow: (c: Command) => boolean) {
  const seen: Command[] = [];
  const handler = {
    isSlow: slow,
    handle: (c: Command) => {
      seen.push(c);
      return answer(c);
    },
  } as unknown as CommandHandler;
  return { handler, seen };
}

/** The listeners hand the request's Web API client to the locale lookup; these lookups never call it. */
const client = {} as never;

function deps(handler: CommandHandler, prefs = new MemoryPreferences()): SlackDeps {
  return {
    handler,
    languages: new UserLanguages(prefs, async () => "en-GB"),
    dedupe: { firstSeen: async () => true },
    logger: silentLogger,
    afterAcks: (job) => job(),
    health: { rejectedRequests: 0, listenerFailures: 0 },
  };
}

const command = (text: string) =>
  ({
    text,
    team_id: "T1",
    user_id: "U1",
    channel_id: "C1",
    response_url: "http://x/r",
    command: "/nato-brief",
  }) as never;

afterEach(() => {
  vi.useRealTimers();
});

describe("natoBriefCommandCallback", () => {
  it("acks 'Working on it…' before a slow command finishes, then responds with the brief", async () => {
    let finish!: (r: Reply) => void;
    const { handler, seen } = fakeHandler(
      () => new Promise((r) => (finish = r)),
      () => true,
    );
    const ack = vi.fn(async () => {});
    const respond = vi.fn(async () => ({}) as never);
    const done = natoBriefCommandCallback(deps(handler))({ command: command("latest 2"), ack, respond, client });
    await vi.waitFor(() => expect(ack).toHaveBeenCalledOnce());
    expect(ack.mock.calls[0]).toEqual([{ response_type: "ephemeral", text: expect.stringContaining("Working on it") }]);
    expect(respond).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    finish({ kind: "briefs", briefs: [makeBrief()] });
    await done;
    expect(seen).toEqual([{ kind: "latest", count: 2 }]);
    expect(respond).toHaveBeenCalledOnce();
    expect(JSON.stringify(respond.mock.calls[0])).toContain("brief_share");
  });

  it("puts a quick answer in the ack and never touches response_url", async () => {
    const { handler } = fakeHandler(
      async () => ({ kind: "help", problem: 'unknown command "x"' }),
      () => false,
    );
    const ack = vi.fn(async () => {});
    const respond = vi.fn();
    await natoBriefCommandCallback(deps(handler))({ command: command("x"), ack, respond, client });
    expect(respond).not.toHaveBeenCalled();
    expect(JSON.stringify(ack.mock.calls[0])).toContain("unknown command");
  });

  it("falls back to 'Working on it…' when a quick command is not quick", async () => {
    vi.useFakeTimers();
    let finish!: (r: Reply) => void;
    const { handler } = fakeHandler(
      () => new Promise((r) => (finish = r)),
      () => false,
    );
    const ack = vi.fn(async () => {});
    const respond = vi.fn(async () => ({}) as never);
    const done = natoBriefCommandCallback(deps(handler))({ command: command("search x"), ack, respond, client });
    await vi.advanceTimersByTimeAsync(FAST_REPLY_MS + 1);
    expect(JSON.stringify(ack.mock.calls[0])).toContain("Working on it");
    finish({ kind: "text", text: "found" });
    await done;
    expect(JSON.stringify(respond.mock.calls[0])).toContain("found");
  });

  it("passes the user's stored language to the core and renders in it", async () => {
    const prefs = new MemoryPreferences();
    await prefs.setLanguage("slack:T1:U1", "fr");
    const { handler } = fakeHandler(
      async () => ({ kind: "briefs", briefs: [makeBrief()] }),
      () => true,
    );
    const respond = vi.fn(async () => ({}) as never);
    await natoBriefCommandCallback(deps(handler, prefs))({
      command: command(""),
      ack: async () => {},
      respond,
      client,
    });
    const sent = JSON.stringify(respond.mock.calls[0]);
    expect(sent).toContain("_FR_");
    expect(sent).not.toContain("_EN_");
  });
});

describe("chatCommand (DMs and assistant threads)", () => {
  it("keeps command words and turns anything else into a question", () => {
    expect(chatCommand("latest 3")).toEqual({ kind: "latest", count: 3 });
    expect(chatCommand("<@UBOT> dernier")).toEqual({ kind: "latest", count: 1 });
    expect(chatCommand("What did NATO say about Ukraine?")).toEqual({
      kind: "ask",
      question: "What did NATO say about Ukraine?",
    });
    expect(chatCommand("latest 99")).toMatchObject({ kind: "help", problem: expect.stringContaining("1 to 10") });
  });
});

describe("UserLanguages", () => {
  it("prefers the stored choice, else orders both by the locale, looked up once for concurrent requests", async () => {
    const prefs = new MemoryPreferences();
    const lookup = vi.fn(async () => "fr-CA");
    const langs = new UserLanguages(prefs, lookup);
    const all = await Promise.all([
      langs.languages("slack:T1:U1", "U1", client),
      langs.languages("slack:T1:U1", "U1", client),
    ]);
    expect(all).toEqual([
      ["fr", "en"],
      ["fr", "en"],
    ]);
    expect(lookup).toHaveBeenCalledOnce();
    expect(await langs.languagesNow("slack:T1:U1", "U1")).toEqual(["fr", "en"]);
    await prefs.setLanguage("slack:T1:U1", "en");
    expect(await langs.languages("slack:T1:U1", "U1", client)).toEqual(["en"]);
  });

  it("shows both languages when Slack cannot say the locale", async () => {
    const langs = new UserLanguages(new MemoryPreferences(), async () => {
      throw new Error("missing_scope");
    });
    expect(await langs.languages("slack:T1:U9", "U9", client)).toEqual(["en", "fr"]);
  });
});

describe("dedupeEventsMiddleware", () => {
  it("lets an event id through once", async () => {
    const seen = new Set<string>();
    const mw = dedupeEventsMiddleware({
      ...deps({} as CommandHandler),
      dedupe: { firstSeen: async (k) => !seen.has(k) && Boolean(seen.add(k)) },
    });
    const next = vi.fn(async () => {});
    const args = (id: string) => ({ body: { event_id: id }, context: { retryNum: 1 }, next }) as never;
    await mw(args("Ev1"));
    await mw(args("Ev1"));
    await mw(args("Ev2"));
    expect(next).toHaveBeenCalledTimes(2);
    expect([...seen]).toEqual(["slack:Ev1", "slack:Ev2"]);
  });
});

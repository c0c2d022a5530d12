import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleChatTarget } from "../../adapters/console/console-chat-target.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { draft } from "../contract/stores/fixture.js";
import { freshSchema, postgresMissing, type TestSchema } from "../helpers/postgres.js";

const missing = await postgresMissing();
const SAMPLE = fs.readFileSync(
  path.resolve(import.meta.dirname, "../../samples/breton-defence-industry.fr.txt"),
  "utf8",
);

describe.skipIf(missing !== undefined)("the whole app on PostgreSQL (createApp with DATABASE_URL=postgres://…)", () => {
  let schema: TestSchema | undefined;
  const apps: App[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await schema?.drop();
  });
  const open = async () => {
    const config = loadConfig(
      { DATABASE_URL: schema!.url, OFFLINE_TRANSLATION: "off", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" },
      { dotenvPath: false },
    );
    const app = await createApp(config, silentLogger);
    apps.push(app);
    return app;
  };

  it("ingests, briefs from the cache, answers a search, remembers choices, delivers a digest once", async () => {
    schema = await freshSchema("app");
    const app = await open();
    expect(app.stores.kind).toBe("postgres");
    const { release, outcome } = await app.ingest.fromText(SAMPLE);
    expect(outcome).toBe("new");
    const ctx = { userKey: "console:me", conversationKey: "console:local" };
    const first = await app.commands.handle(parseCommand("latest"), ctx);
    expect(first).toMatchObject({ kind: "briefs", briefs: [{ release: { id: release.id } }] });
    const again = await app.briefs.brief(release);
    expect(again.cached).toBe(true);

    await app.qa.indexer.ensureReady();
    const search = await app.commands.handle(parseCommand("search Breton"), ctx);
    expect(search).toMatchObject({ kind: "search", outcome: { hits: [{ releaseId: release.id }] } });

    await app.commands.handle(parseCommand("lang fr"), ctx);
    expect(await app.preferences.getLanguage("console:me")).toBe("fr");
    const brief = again.brief;
    const key = { contentHash: brief.contentHash, engine: brief.engine, promptVersion: brief.promptVersion };
    expect(await app.commands.recordFeedback({ releaseId: release.id, brief: key, vote: "up" }, ctx)).toMatchObject({
      kind: "text",
    });
    expect(await app.feedback.tally(key)).toEqual({ up: 1, down: 0 });

    const out = new PassThrough();
    let printed = "";
    out.on("data", (c: Buffer) => {
      printed += c.toString();
    });
    app.chatTargets.set("console", new ConsoleChatTarget(out));
    // The sample is from 2024: a digest leaves back-dated releases out, so today's news comes in.
    const today = new Date().toISOString().slice(0, 10);
    await app.store.saveRelease(
      draft("fresh", "https://www.nato.int/cps/en/natohq/news_fresh.htm", "Allies agree a new plan", today),
    );
    expect(await app.commands.handle(parseCommand("subscribe 08:00"), ctx)).toMatchObject({ action: "subscribed" });
    const [run1] = await app.digests.schedule.runNow();
    const [run2] = await app.digests.schedule.runNow();
    expect(run1?.status).toBe("posted");
    expect(run2?.status).toBe("already-done");
    expect(printed).toContain("Allies agree a new plan");

    // A second process on the same database sees all of it.
    const other = await open();
    expect(await other.store.countReleases()).toBe(2);
    expect(await other.store.getRelease(release.id)).toEqual(await app.store.getRelease(release.id));
    expect(await other.digests.ledger.list()).toHaveLength(1);
    expect(await other.stores.health()).toEqual({ store: "postgres", reachable: true });
  });
});

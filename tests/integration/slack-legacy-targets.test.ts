import { randomBytes } from "node:crypto";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptSingleWorkspace } from "../../adapters/slack/oauth/legacy-targets.js";
import { SealedInstallationStore } from "../../adapters/slack/oauth/sealed-installation-store.js";
import { SubscriptionService } from "../../src/core/digest/subscription-service.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { TokenCipher } from "../../src/infra/crypto/token-cipher.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteInstallationStore } from "../../src/infra/store/sqlite-installation-store.js";
import { SqliteSubscriptionStore } from "../../src/infra/store/sqlite-subscription-store.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await new FakeSlackApi().start();
});
afterAll(async () => {
  await fake?.close();
});

async function subscriptions(targets: string[]) {
  const db = openDatabase(":memory:");
  const service = new SubscriptionService({
    store: new SqliteSubscriptionStore(db),
    scheduler: { validate: () => {} },
    defaultTimezone: "Europe/Brussels",
  });
  for (const target of targets) await service.subscribe({ target });
  return { db, service };
}

describe("subscriptions from single-workspace days (slack:C…) adopt the bot token's workspace at start-up", () => {
  it("rewrites legacy targets to slack:T…:C…, keeping each subscription's id; a taken key supersedes", async () => {
    const { service } = await subscriptions(["slack:C1", "slack:T1:C2", "slack:C2", "console:local"]);
    const before = Object.fromEntries((await service.list()).map((s) => [s.target, s.id]));
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl });
    await adoptSingleWorkspace({ subscriptions: service, client, botToken: "xoxb-single", logger: silentLogger });
    const after = Object.fromEntries((await service.list()).map((s) => [s.target, s]));
    expect(Object.keys(after).sort()).toEqual(["console:local", "slack:C2", "slack:T1:C1", "slack:T1:C2"]);
    expect(after["slack:T1:C1"]!.id).toBe(before["slack:C1"]);
    expect(after["slack:C2"]).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("superseded") });
    expect(fake.callsOf("auth.test").at(-1)!.headers.authorization).toBe("Bearer xoxb-single");
  });

  it("asks Slack nothing when there is nothing to adopt", async () => {
    const { service } = await subscriptions(["slack:T1:C1"]);
    const calls = fake.callsOf("auth.test").length;
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl });
    await adoptSingleWorkspace({ subscriptions: service, client, botToken: "xoxb-single", logger: silentLogger });
    expect(fake.callsOf("auth.test")).toHaveLength(calls);
  });

  it("in distributed mode imports SLACK_BOT_TOKEN as its workspace's installation, once", async () => {
    const { db, service } = await subscriptions(["slack:C5"]);
    const installations = new SealedInstallationStore(
      new SqliteInstallationStore(db),
      new TokenCipher(randomBytes(32)),
    );
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl });
    const run = () =>
      adoptSingleWorkspace({
        subscriptions: service,
        client,
        botToken: "xoxb-single",
        installations,
        logger: silentLogger,
      });
    await run();
    await run();
    expect((await installations.list()).map((i) => i.installKey)).toEqual(["T1"]);
    const imported = await installations.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(imported.bot).toMatchObject({ token: "xoxb-single", userId: "UBOT", id: "BBOT" });
    expect((await service.list()).map((s) => s.target)).toEqual(["slack:T1:C5"]);
  });
});

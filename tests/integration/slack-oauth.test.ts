import { randomBytes } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKey, TokenCipher } from "../../src/infra/crypto/token-cipher.js";
import { Browser, linkById } from "../helpers/browser.js";
import { eventCallback, slashCommand } from "../helpers/slack-requests.js";
import { type OAuthHarness, startOAuthHarness } from "./slack-oauth-harness.js";

let h: OAuthHarness;
beforeAll(async () => {
  h = await startOAuthHarness();
  h.addWorkspace("T1", "Alliance HQ");
  h.addWorkspace("T2", "Ministry of Defence");
  h.addWorkspace("T3", "Agency");
  h.addWorkspace("E1", "Grid Org");
});
afterAll(async () => {
  await h?.close();
});

const bearer = (workspace: string) => `Bearer ${h.fake.oauth.botTokens(workspace).at(-1)}`;
const installations = () => h.app.slackInstalls!.store.list();
let n = 0;
async function command(teamId: string, text: string, more: Partial<Parameters<typeof slashCommand>[0]> = {}) {
  const id = `oauth${++n}`;
  const res = await h.send(slashCommand({ text, teamId, responseUrl: h.fake.responseUrl(id), ...more }));
  return { res, id };
}
async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("Slack OAuth installs (distributed mode)", () => {
  it("two workspaces install through /slack/install → Slack's authorize → /slack/oauth_redirect, state cookie and all", async () => {
    for (const [team, name] of [
      ["T1", "Alliance HQ"],
      ["T2", "Ministry of Defence"],
    ] as const) {
      const { page, browser } = await h.install(team);
      expect(page.status).toBe(200);
      expect(page.text).toContain("NATO Brief is installed");
      expect(page.text).toContain(name);
      // From the install page's link: Slack's authorize page, which redirects back with a code and the state.
      expect(page.visited.map((u) => new URL(u).pathname)).toEqual(["/oauth/v2/authorize", "/slack/oauth_redirect"]);
      expect(new URL(page.visited[1]!).searchParams.get("state")).toBeTruthy();
      // The state cookie Bolt set on the install page went with the redirect, and was cleared after it.
      expect(browser.cookie(h.base, "slack-app-oauth-state")).toBeUndefined();
    }
    const exchanges = h.fake.callsOf("oauth.v2.access");
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]!.body).toMatchObject({
      client_id: h.fake.oauth.clientId,
      code: expect.stringMatching(/^code-/),
    });
    expect(exchanges[0]!.body.redirect_uri).toBe(`${h.base}/slack/oauth_redirect`);
    const authorize = h.fake.oauth;
    expect(authorize.botTokens("T1")).toHaveLength(1);
    expect((await installations()).map((i) => [i.installKey, i.name, i.isEnterpriseInstall])).toEqual([
      ["T1", "Alliance HQ", false],
      ["T2", "Ministry of Defence", false],
    ]);
  });

  it("a signed command and a DM from each workspace are answered with that workspace's token", async () => {
    const a = await command("T1", "latest", { userId: "UA" });
    const b = await command("T2", "latest", { userId: "UB" });
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    await h.fake.waitFor(() => h.fake.responsesTo(a.id).length > 0 && h.fake.responsesTo(b.id).length > 0);
    const lookup = (user: string) => h.fake.callsOf("users.info").find((c) => c.body.user === user)!;
    expect(lookup("UA").headers.authorization).toBe(bearer("T1"));
    expect(lookup("UB").headers.authorization).toBe(bearer("T2"));

    const dm = (channel: string, team: string) =>
      eventCallback(
        { type: "message", channel_type: "im", channel, user: `U${team}`, text: "help", ts: `${Date.now() / 1000}` },
        `EvDm${team}`,
        team,
      );
    await h.send(dm("D1", "T1"));
    await h.send(dm("D2", "T2"));
    const posts = await h.fake.waitFor(() => {
      const p = h.fake.callsOf("chat.postMessage").filter((c) => String(c.body.channel).startsWith("D"));
      return p.length >= 2 && p;
    });
    expect(Object.fromEntries(posts.map((c) => [c.body.channel, c.workspace]))).toEqual({ D1: "T1", D2: "T2" });
  });

  it("a digest subscribed in each workspace goes out with its own token", async () => {
    await command("T1", "subscribe 08:00 Europe/Brussels", { channelId: "C1" });
    await command("T2", "subscribe 09:00 Europe/Paris", { channelId: "C2" });
    const subs = (await h.app.digests.subscriptions.list()).map((s) => s.target);
    expect(subs).toEqual(["slack:T1:C1", "slack:T2:C2"]);
    const outcomes = await h.app.digests.schedule.runNow();
    expect(outcomes.map((o) => [o.target, o.status])).toEqual([
      ["slack:T1:C1", "posted"],
      ["slack:T2:C2", "posted"],
    ]);
    const digests = h.fake.callsOf("chat.postMessage").filter((c) => String(c.body.channel).startsWith("C"));
    expect(digests.map((c) => [c.body.channel, c.headers.authorization])).toEqual([
      ["C1", bearer("T1")],
      ["C2", bearer("T2")],
    ]);
  });

  it("a forged state is refused with a clear page, before any code exchange, and nothing is stored", async () => {
    const before = { exchanges: h.fake.callsOf("oauth.v2.access").length, stored: (await installations()).length };
    const noCookie = await new Browser().get(`${h.base}/slack/oauth_redirect?code=code-stolen&state=forged`);
    expect(noCookie.status).toBe(400);
    expect(noCookie.text).toContain("This install link is not valid");
    expect(noCookie.text).toContain('href="/slack/install"');
    // The attacker also plants the matching cookie: the state still has to carry this app's signature.
    const planted = new Browser();
    const forged = `${Buffer.from(JSON.stringify({ n: "x", t: Date.now(), o: { scopes: [] } })).toString("base64url")}.c2lnbmF0dXJl`;
    planted.setCookie(h.base, "slack-app-oauth-state", forged);
    const signed = await planted.get(`${h.base}/slack/oauth_redirect?code=code-stolen&state=${forged}`);
    expect(signed.status).toBe(400);
    expect(h.fake.callsOf("oauth.v2.access")).toHaveLength(before.exchanges);
    expect(await installations()).toHaveLength(before.stored);
    expect(h.logs.some((l) => l.includes("Slack installation refused"))).toBe(true);
  });

  it("a replayed state is refused even with its cookie: a state is good once", async () => {
    const browser = new Browser();
    browser.setCookie(h.fake.authorizeUrl, "fake_slack_session", "T3");
    const start = await browser.get(`${h.base}/slack/install`);
    const stateCookie = browser.cookie(h.base, "slack-app-oauth-state")!;
    const redirect = (await browser.get(linkById(start.text, "add-to-slack")!, { maxRedirects: 0 })).location!;
    expect((await browser.get(redirect)).status).toBe(200);
    const exchanges = h.fake.callsOf("oauth.v2.access").length;
    browser.setCookie(h.base, "slack-app-oauth-state", stateCookie);
    const replay = await browser.get(redirect);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("already used");
    expect(h.fake.callsOf("oauth.v2.access")).toHaveLength(exchanges);
  });

  it("uninstalling one workspace deletes its installation and stops its digests; the other's go on", async () => {
    h.fake.oauth.uninstall("T1");
    const res = await h.send(eventCallback({ type: "app_uninstalled" }, "EvUninstall1", "T1"));
    expect(res.status).toBe(200);
    await until(async () => !(await h.app.slackInstalls!.store.has("T1")), "T1's installation to go");
    const [t1, t2] = await h.app.digests.subscriptions.list();
    expect(t1).toMatchObject({
      target: "slack:T1:C1",
      enabled: false,
      disabledReason: expect.stringContaining("not installed"),
    });
    expect(t2).toMatchObject({ target: "slack:T2:C2", enabled: true });
    const logged = h.logs.map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith("Slack app left a workspace"));
    expect(logged).toMatchObject({ installKey: "T1", event: "app_uninstalled", subscriptionsDisabled: [t1!.id] });

    const posted = h.fake.callsOf("chat.postMessage").length;
    const outcomes = await Promise.all(
      [t1!, t2!].map(async (s) =>
        h.app.digests.delivery.deliver((await h.app.digests.subscriptions.get(s.id))!, new Date(), {
          period: "after-uninstall",
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["disabled", "posted"]);
    const since = h.fake.callsOf("chat.postMessage").slice(posted);
    expect(since.map((c) => [c.body.channel, c.workspace])).toEqual([["C2", "T2"]]);

    // A command from the uninstalled workspace finds no installation: Bolt answers 401 itself and nothing runs.
    const calls = h.fake.calls.length;
    expect((await command("T1", "latest", { userId: "UGONE" })).res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.calls.slice(calls).filter((c) => c.workspace === "T1")).toEqual([]);
  });

  it("re-installing restores service: the disabled subscriptions post again, with the new token", async () => {
    const { page } = await h.install("T1");
    expect(page.status).toBe(200);
    const sub = (await h.app.digests.subscriptions.findByTarget("slack:T1:C1"))!;
    expect(sub.enabled).toBe(true);
    const outcome = await h.app.digests.delivery.deliver(sub, new Date(), { period: "after-reinstall" });
    expect(outcome.status).toBe("posted");
    const last = h.fake.callsOf("chat.postMessage").at(-1)!;
    expect(last.headers.authorization).toBe(bearer("T1"));
    expect(h.fake.oauth.botTokens("T1")).toHaveLength(2);
  });

  it("tokens_revoked for the bot counts as an uninstall; user tokens alone leave the installation", async () => {
    await h.send(eventCallback({ type: "tokens_revoked", tokens: { oauth: ["UINSTALLER"] } }, "EvRevokeUser", "T2"));
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.app.slackInstalls!.store.has("T2")).toBe(true);
    await h.send(eventCallback({ type: "tokens_revoked", tokens: { bot: ["UBOT2"] } }, "EvRevokeBot", "T2"));
    await until(async () => !(await h.app.slackInstalls!.store.has("T2")), "T2's installation to go");
    expect((await h.app.digests.subscriptions.findByTarget("slack:T2:C2"))?.enabled).toBe(false);
    expect((await h.app.digests.subscriptions.findByTarget("slack:T1:C1"))?.enabled).toBe(true);
  });

  it("an org-wide (Enterprise Grid) install serves every workspace of the org with the org's token", async () => {
    const { page } = await h.install("E1");
    expect(page.status).toBe(200);
    expect((await installations()).find((i) => i.installKey === "E1")).toMatchObject({
      isEnterpriseInstall: true,
      enterpriseId: "E1",
      name: "Grid Org",
    });
    const org = { enterpriseId: "E1", orgWide: true };
    const { id } = await command("T9", "latest", { userId: "UORG", channelId: "C9", ...org });
    await h.fake.waitFor(() => h.fake.responsesTo(id).length > 0);
    expect(h.fake.callsOf("users.info").find((c) => c.body.user === "UORG")!.workspace).toBe("E1");
    await command("T9", "subscribe 07:00", { channelId: "C9", ...org });
    const sub = (await h.app.digests.subscriptions.findByTarget("slack:E1:C9"))!;
    expect((await h.app.digests.delivery.deliver(sub, new Date())).status).toBe("posted");
    expect(h.fake.callsOf("chat.postMessage").at(-1)).toMatchObject({ workspace: "E1", body: { channel: "C9" } });
    // Removing the app from the org takes the org's installation and its channels' digests.
    await h.send(eventCallback({ type: "app_uninstalled" }, "EvUninstallE1", "T9", org));
    await until(async () => !(await h.app.slackInstalls!.store.has("E1")), "E1's installation to go");
    expect((await h.app.digests.subscriptions.findByTarget("slack:E1:C9"))?.enabled).toBe(false);
    expect((await h.app.digests.subscriptions.findByTarget("slack:T1:C1"))?.enabled).toBe(true);
  });

  it("stored tokens are not readable without the key", async () => {
    const issued = h.fake.oauth.issued.map((t) => t.token);
    const atRest = ["", "-wal"].map((s) => `${h.dbFile}${s}`).filter((f) => fs.existsSync(f));
    for (const file of atRest) {
      const bytes = fs.readFileSync(file).toString("latin1");
      for (const token of issued) expect(bytes.includes(token), `${token} in ${file}`).toBe(false);
      expect(bytes).not.toContain("xoxb-");
    }
    const db = new Database(h.dbFile, { readonly: true });
    const row = db.prepare("SELECT key_id, sealed FROM installations WHERE install_key = 'T1'").get() as {
      key_id: string;
      sealed: string;
    };
    db.close();
    const secret = { keyId: row.key_id, sealed: row.sealed };
    const otherKey = new TokenCipher(randomBytes(32));
    expect(() => otherKey.open(secret, "slack:T1")).toThrow(/not configured/);
    const sameIdWrongKey = Object.assign(new TokenCipher(randomBytes(32)), {});
    expect(() => sameIdWrongKey.open({ ...secret, keyId: sameIdWrongKey.currentKeyId }, "slack:T1")).toThrow(
      /does not open/,
    );
    const right = new TokenCipher(parseKey(h.key));
    expect(() => right.open(secret, "slack:T2")).toThrow(/does not open/);
    expect(JSON.parse(right.open(secret, "slack:T1")).bot.token).toBe(h.fake.oauth.botTokens("T1").at(-1));
  });

  it("no token, refresh token, client secret or key appears in the logs, even at debug level", () => {
    const text = h.logs.join("\n");
    expect(h.logs.length).toBeGreaterThan(50);
    for (const secret of [...h.fake.oauth.issued.map((t) => t.token), h.fake.oauth.clientSecret, h.key]) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });
});

describe("Slack OAuth with token rotation", () => {
  let r: OAuthHarness;
  beforeAll(async () => {
    r = await startOAuthHarness();
    r.addWorkspace("T7", "Rotating");
    // Under two hours left: @slack/oauth refreshes on the next use.
    r.fake.oauth.rotation = { expiresIn: 3600 };
  });
  afterAll(async () => {
    await r?.close();
  });

  it("refreshes an expiring token before using it, stores the new pair sealed, for requests and digests alike", async () => {
    await r.install("T7");
    const [first] = r.fake.oauth.botTokens("T7");
    const res = await r.send(
      slashCommand({ text: "subscribe 08:00", teamId: "T7", channelId: "C7", responseUrl: r.fake.responseUrl() }),
    );
    expect(res.status).toBe(200);
    const refreshes = r.fake.callsOf("oauth.v2.access").filter((c) => c.body.grant_type === "refresh_token");
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    const sub = (await r.app.digests.subscriptions.findByTarget("slack:T7:C7"))!;
    expect((await r.app.digests.delivery.deliver(sub, new Date())).status).toBe("posted");
    const post = r.fake.callsOf("chat.postMessage").at(-1)!;
    expect(post.headers.authorization).not.toBe(`Bearer ${first}`);
    expect(post.headers.authorization).toBe(`Bearer ${r.fake.oauth.botTokens("T7").at(-1)}`);
    const stored = JSON.parse(
      new TokenCipher(parseKey(r.key)).open(
        (() => {
          const db = new Database(r.dbFile, { readonly: true });
          const row = db.prepare("SELECT key_id AS keyId, sealed FROM installations").get() as {
            keyId: string;
            sealed: string;
          };
          db.close();
          return row;
        })(),
        "slack:T7",
      ),
    );
    expect(stored.bot).toMatchObject({
      token: r.fake.oauth.botTokens("T7").at(-1),
      refreshToken: expect.stringMatching(/^xoxe-1-/),
    });
    expect(stored.bot.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });
});

import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/oauth";
import { describe, expect, it } from "vitest";
import { OneTimeStateStore } from "../../adapters/slack/oauth/one-time-state-store.js";
import { NotInstalledError, SealedInstallationStore } from "../../adapters/slack/oauth/sealed-installation-store.js";
import { TokenCipher } from "../../src/infra/crypto/token-cipher.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteEventDedupe } from "../../src/infra/store/sqlite-event-dedupe.js";
import { SqliteInstallationStore } from "../../src/infra/store/sqlite-installation-store.js";

const workspace = (id: string, token = `xoxb-${id}`): Installation => ({
  team: { id, name: `Team ${id}` },
  enterprise: undefined,
  isEnterpriseInstall: false,
  user: { id: "U1", token: undefined, scopes: undefined },
  bot: { token, userId: "UBOT", id: "BBOT", scopes: ["chat:write"] },
  tokenType: "bot",
  authVersion: "v2",
});
const org: Installation<"v2", true> = {
  team: undefined,
  enterprise: { id: "E1", name: "Org" },
  isEnterpriseInstall: true,
  user: { id: "U2", token: "xoxp-user", scopes: ["users:read"] },
  bot: { token: "xoxb-org", userId: "UBOT", id: "BBOT", scopes: ["chat:write"] },
  authVersion: "v2",
};

function stores(cipher = new TokenCipher(randomBytes(32))) {
  const db = openDatabase(":memory:");
  const records = new SqliteInstallationStore(db);
  return { db, records, store: new SealedInstallationStore(records, cipher) };
}

describe("SealedInstallationStore (Bolt's InstallationStore on the project's store)", () => {
  it("stores a workspace install under its team id and an org-wide install under its enterprise id", async () => {
    const { store, records } = stores();
    await store.storeInstallation(workspace("T1"));
    await store.storeInstallation(org);
    const rows = await records.list("slack");
    expect(rows.map((r) => [r.installKey, r.isEnterpriseInstall, r.name]).sort()).toEqual([
      ["E1", true, "Org"],
      ["T1", false, "Team T1"],
    ]);
    for (const r of rows) expect(r.sealed).not.toMatch(/xox[bp]-/);
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-T1");
    // A workspace of the org, asking as an org-wide install, gets the org's installation.
    const fromOrg = await store.fetchInstallation({ teamId: "T9", enterpriseId: "E1", isEnterpriseInstall: true });
    expect(fromOrg.bot?.token).toBe("xoxb-org");
    expect((await store.list()).every((i) => !("sealed" in i))).toBe(true);
  });

  it("replaces an installation on re-install (keeping when it was first installed) and deletes it", async () => {
    const { store, records } = stores();
    await store.storeInstallation(workspace("T1", "xoxb-first"));
    const first = await records.get("slack", "T1");
    await store.storeInstallation(workspace("T1", "xoxb-second"));
    const second = await records.get("slack", "T1");
    expect(second!.installedAt).toBe(first!.installedAt);
    expect(
      (await store.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token,
    ).toBe("xoxb-second");
    await store.deleteInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      store.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(NotInstalledError);
    expect(await store.remove("T1")).toBe(false);
  });

  it("re-seals rows under an old key with the current one; without the old key they do not open", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const { db, records, store } = stores(new TokenCipher(oldKey));
    await store.storeInstallation(workspace("T1"));
    await store.storeInstallation(org);
    const rotated = new SealedInstallationStore(records, new TokenCipher(newKey, [oldKey]));
    expect(await rotated.reseal()).toBe(2);
    expect(await rotated.reseal()).toBe(0);
    const onlyNew = new SealedInstallationStore(records, new TokenCipher(newKey));
    expect(
      (await onlyNew.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false })).bot
        ?.token,
    ).toBe("xoxb-T1");
    await expect(
      new SealedInstallationStore(records, new TokenCipher(oldKey)).fetchInstallation({
        teamId: "T1",
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toThrow(/not configured/);
    db.close();
  });

  it("a sealed installation moved onto another workspace's row does not open", async () => {
    const { db, store } = stores();
    await store.storeInstallation(workspace("T1"));
    await store.storeInstallation(workspace("T2"));
    db.prepare(
      "UPDATE installations SET sealed = (SELECT sealed FROM installations WHERE install_key = 'T1') WHERE install_key = 'T2'",
    ).run();
    await expect(
      store.fetchInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/does not open/);
  });

  it("forgets a revoked user token and keeps the bot", async () => {
    const { store } = stores();
    await store.storeInstallation(org);
    expect(await store.forgetUserTokens("E1", ["USOMEONE"])).toBe(false);
    expect(await store.forgetUserTokens("E1", ["U2"])).toBe(true);
    const after = await store.fetchInstallation({ teamId: undefined, enterpriseId: "E1", isEnterpriseInstall: true });
    expect(after.user.token).toBeUndefined();
    expect(after.bot?.token).toBe("xoxb-org");
  });
});

describe("OneTimeStateStore (OAuth state: signed, ten minutes, once)", () => {
  const options = { scopes: ["chat:write"], redirectUri: "https://bot.example/slack/oauth_redirect" };
  const store = () =>
    new OneTimeStateStore("a-long-enough-state-secret", new SqliteEventDedupe(openDatabase(":memory:")));

  it("gives back the install options once", async () => {
    const s = store();
    const state = await s.generateStateParam(options, new Date());
    expect(await s.verifyStateParam(new Date(), state)).toEqual(options);
    await expect(s.verifyStateParam(new Date(), state)).rejects.toThrow(/already used/);
  });

  it("refuses a state signed with another secret, altered, or older than ten minutes", async () => {
    const s = store();
    const other = new OneTimeStateStore(
      "another-state-secret-entirely",
      new SqliteEventDedupe(openDatabase(":memory:")),
    );
    const foreign = await other.generateStateParam(options, new Date());
    await expect(s.verifyStateParam(new Date(), foreign)).rejects.toThrow(/not issued by this app/);
    const state = await s.generateStateParam(options, new Date());
    const [body, sig] = state.split(".");
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, "base64url").toString()), o: { scopes: ["admin"] } }),
    );
    await expect(s.verifyStateParam(new Date(), `${altered.toString("base64url")}.${sig}`)).rejects.toThrow(
      /not issued/,
    );
    await expect(s.verifyStateParam(new Date(), "garbage")).rejects.toThrow(/not issued/);
    const old = await s.generateStateParam(options, new Date(Date.now() - 11 * 60_000));
    await expect(s.verifyStateParam(new Date(), old)).rejects.toThrow(/expired/);
  });
});

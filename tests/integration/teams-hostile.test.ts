import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalMessage, postActivity, teamMembership } from "../helpers/teams-activities.js";
import { seedPairedRelease, startTeamsHarness, type TeamsHarness } from "./teams-harness.js";

/** Another loopback server the bot must never post to: it counts every request it gets. */
let decoy: http.Server;
let decoyHits = 0;
let decoyUrl = "";
let h: TeamsHarness;

beforeAll(async () => {
  decoy = http.createServer((_req, res) => {
    decoyHits++;
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => decoy.listen(0, "127.0.0.1", resolve));
  decoyUrl = `http://127.0.0.1:${(decoy.address() as { port: number }).port}/`;
  h = await startTeamsHarness();
  await seedPairedRelease(h.app);
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await new Promise((resolve) => decoy?.close(resolve));
});

describe("Teams serviceUrl without authentication (issue 15, finding 3)", () => {
  it("answers an activity whose serviceUrl is the configured connector", async () => {
    const res = await postActivity(h.port, personalMessage(h.connector.url, "help"));
    expect(res.status).toBe(200);
    await h.teams.idle();
    expect(h.connector.messages.length).toBeGreaterThan(0);
  });

  const hostile = () => [
    ["another loopback port", decoyUrl],
    ["a user@host form", decoyUrl.replace("http://", `http://x@`)],
    ["credentials before the connector", h.connector.url.replace("http://", "http://evil:pw@")],
    ["a file: URL", "file:///etc/passwd"],
    ["a gopher: URL", "gopher://127.0.0.1:70/"],
    ["not a URL at all", "::::"],
    ["a number", 42],
  ];

  it("refuses (400) every other serviceUrl: nothing posted, nothing stored", async () => {
    h.connector.calls.length = 0;
    const refsBefore = (await h.app.conversationRefs.list()).length;
    for (const [what, serviceUrl] of hostile()) {
      const message = { ...personalMessage(h.connector.url, "latest"), serviceUrl };
      const install = { ...teamMembership(h.connector.url, "added"), serviceUrl };
      expect([what, (await postActivity(h.port, message)).status]).toEqual([what, 400]);
      expect([what, (await postActivity(h.port, install)).status]).toEqual([what, 400]);
    }
    await h.teams.idle();
    expect(decoyHits).toBe(0);
    expect(h.connector.calls).toEqual([]);
    expect(await h.app.conversationRefs.list()).toHaveLength(refsBefore);
  });

  it("a stored reference is checked again when a digest reads it: a bad one is never posted to", async () => {
    await h.app.conversationRefs.save({
      key: "teams:19:planted@thread.tacv2",
      platform: "teams",
      reference: { serviceUrl: decoyUrl, conversation: { id: "19:planted@thread.tacv2" }, channelId: "msteams" },
    });
    const target = h.app.chatTargets.get("teams")!;
    const part = { title: "Digest", items: [], index: 0, total: 1 } as never;
    await expect(
      target.post({ platform: "teams", id: "19:planted@thread.tacv2", key: "teams:19:planted@thread.tacv2" }, part, {
        idempotencyKey: "k",
      }),
    ).rejects.toThrow(/serviceUrl/);
    expect(decoyHits).toBe(0);
  });
});

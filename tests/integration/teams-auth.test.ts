import dc from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personalMessage, postActivity } from "../helpers/teams-activities.js";
import { seedPairedRelease, startTeamsHarness, type TeamsHarness } from "./teams-harness.js";

/** Every HTTP request this process starts (node:http and fetch), to prove the refusal needs no network. */
const outgoing: string[] = [];
const onHttp = (m: unknown) => {
  const req = (m as { request: { host?: string; path?: string } }).request;
  outgoing.push(`http ${req.host}${req.path}`);
};
const onFetch = (m: unknown) => {
  const req = (m as { request: { origin?: string; path?: string } }).request;
  outgoing.push(`fetch ${req.origin}${req.path}`);
};

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({
    TEAMS_ENABLED: "",
    MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
    MICROSOFT_APP_PASSWORD: "not-a-real-secret",
    MICROSOFT_APP_TYPE: "MultiTenant",
  });
  await seedPairedRelease(h.app);
  dc.subscribe("http.client.request.start", onHttp);
  dc.subscribe("undici:request:create", onFetch);
}, 60_000);
afterAll(async () => {
  dc.unsubscribe("http.client.request.start", onHttp);
  dc.unsubscribe("undici:request:create", onFetch);
  await h.stop();
});

describe("Teams adapter with MICROSOFT_APP_ID set", () => {
  it("refuses a request without a token, or with a malformed one, with 401 before any outgoing call", async () => {
    outgoing.length = 0;
    // The SDK prints the AuthenticationError of a refused token to the console: silenced here, and checked.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const activity = personalMessage(h.connector.url, "latest");
    // Our own requests to the server are in `outgoing` too; only they may be there.
    const noToken = await postActivity(h.port, activity);
    const junk = await postActivity(h.port, activity, { authorization: "Bearer not.a.jwt" });
    const basic = await postActivity(h.port, activity, { authorization: "Basic dXNlcjpwYXNz" });
    expect([noToken.status, junk.status, basic.status]).toEqual([401, 401, 401]);
    // The malformed token reached the SDK, which refused it itself (the others were refused before it).
    expect(consoleError.mock.calls.map((c) => (c[0] as { statusCode?: number }).statusCode)).toEqual([401]);
    consoleError.mockRestore();
    await h.teams.idle();
    const others = outgoing.filter((o) => !o.includes(`127.0.0.1:${h.port}`));
    expect(others).toEqual([]);
    expect(h.connector.calls).toEqual([]);
    expect(await h.app.conversationRefs.list()).toEqual([]);
  });
});
